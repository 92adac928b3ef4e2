using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CapiSdk.IpamSimulator.Hosting;

/// <summary>Runs an <see cref="IpamSimulator"/> inside a Microsoft.Extensions.Hosting host.</summary>
public static class IpamSimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds a hosted service that starts an <see cref="IpamSimulator"/> with the host's <see cref="IKubernetes"/>
    /// (register one first, or call <c>AddCapiSdkRuntime</c>, which registers one) and its logging, and stops it
    /// with the host. The host's start waits until the simulator's caches have synced.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options (for example <see cref="IpamSimulatorOptions.AllocationLatency"/>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddIpamSimulator(this IServiceCollection services, Action<IpamSimulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService(sp =>
        {
            var options = new IpamSimulatorOptions { LoggerFactory = sp.GetService<ILoggerFactory>() };
            configure?.Invoke(options);
            options.Validate();
            return new IpamSimulatorHostedService(sp.GetRequiredService<IKubernetes>(), options);
        });
        return services;
    }
}
