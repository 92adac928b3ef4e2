using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>Registers a Cluster API Runtime Extension server and its hook handlers with a host.</summary>
public static class RuntimeExtensionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="RuntimeExtensionServer"/> (a singleton, run by a hosted service) with options bound from
    /// the <c>CapiSdk:RuntimeExtension</c> section (see <see cref="RuntimeExtensionOptions"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddRuntimeExtension(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddRuntimeExtension(options => configuration.GetSection(RuntimeExtensionOptions.SectionName).Bind(options));
    }

    /// <summary>
    /// Adds the <see cref="RuntimeExtensionServer"/> (a singleton, run by a hosted service that also writes the CA
    /// bundle into <see cref="RuntimeExtensionOptions.ExtensionConfig"/> when set, through the registered
    /// <c>IKubernetes</c>). Calling it again only adds more configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddRuntimeExtension(this IServiceCollection services, Action<RuntimeExtensionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RuntimeExtensionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp =>
        {
            var server = new RuntimeExtensionServer(sp.GetRequiredService<IOptions<RuntimeExtensionOptions>>().Value, sp.GetRequiredService<ILogger<RuntimeExtensionServer>>());
            foreach (var registration in sp.GetServices<IRuntimeHookRegistration>())
            {
                registration.Register(server, sp);
            }

            return server;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RuntimeExtensionHostedService>());
        return services;
    }

    /// <summary>
    /// Adds a handler of a hook to the server <see cref="AddRuntimeExtension(IServiceCollection, Action{RuntimeExtensionOptions})"/>
    /// registers; see <see cref="RuntimeExtensionServer.Handle"/> for the rules.
    /// </summary>
    /// <typeparam name="TRequest">The hook's request.</typeparam>
    /// <typeparam name="TResponse">The hook's response.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="hook">The hook, from <see cref="RuntimeHooks"/>.</param>
    /// <param name="name">The handler's name (a DNS-1123 label, unique across the extension's hooks).</param>
    /// <param name="handler">Makes the handler from the services, e.g. <c>sp =&gt; sp.GetRequiredService&lt;VipHooks&gt;().BeforeClusterCreateAsync</c>.</param>
    /// <param name="timeoutSeconds">0–30; null for Cluster API's default (10).</param>
    /// <param name="failurePolicy">null for Cluster API's default (<see cref="FailurePolicy.Fail"/>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddRuntimeHookHandler<TRequest, TResponse>(
        this IServiceCollection services,
        RuntimeHook<TRequest, TResponse> hook,
        string name,
        Func<IServiceProvider, Func<TRequest, CancellationToken, Task<TResponse>>> handler,
        int? timeoutSeconds = null,
        FailurePolicy? failurePolicy = null)
        where TRequest : HookRequest
        where TResponse : HookResponse, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddSingleton<IRuntimeHookRegistration>(new RuntimeHookRegistration<TRequest, TResponse>(hook, name, handler, timeoutSeconds, failurePolicy));
        return services;
    }
}
