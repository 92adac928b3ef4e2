using CapiSdk.Models;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapiSdk.Runtime.Hosting;

/// <summary>Registers the controller runtime and controllers with Microsoft.Extensions.DependencyInjection and Hosting.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime: <see cref="RuntimeOptions"/> bound from <c>CapiSdk:Runtime</c>, a shared
    /// <see cref="InformerFactory"/>, the <see cref="ControllerManager"/> run as a hosted service, and — unless
    /// already registered — an <see cref="IKubernetes"/> from the in-cluster configuration or a kubeconfig,
    /// <see cref="NullRuntimeMetrics"/>, <see cref="AlwaysLeader"/> and <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>CapiSdk:Runtime</c> section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCapiSdkRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RuntimeOptions>()
            .Bind(configuration.GetSection(RuntimeOptions.SectionName))
            .Validate(o => o.MaxConcurrentReconciles >= 1, "CapiSdk:Runtime:MaxConcurrentReconciles must be at least 1.");
        services.TryAddSingleton<IKubernetes>(sp => CreateKubernetes(sp.GetRequiredService<IOptions<RuntimeOptions>>().Value));
        services.TryAddSingleton<IRuntimeMetrics>(NullRuntimeMetrics.Instance);
        services.TryAddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            var defaults = new InformerOptions
            {
                Namespace = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace,
                ResyncPeriod = options.ResyncPeriod,
            };
            return new InformerFactory(defaults, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp => new ControllerManager(
            sp.GetRequiredService<InformerFactory>(),
            sp.GetServices<IController>(),
            sp.GetRequiredService<ILeadershipGate>(),
            sp.GetRequiredService<ILogger<ControllerManager>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ControllerManagerService>());
        return services;
    }

    /// <summary>
    /// Adds a controller for kind <typeparamref name="T"/> reconciled by <typeparamref name="TReconciler"/> (a
    /// singleton). Also registers, unless already registered, the kind's <see cref="IResourceClient{T}"/> and its
    /// cache as <see cref="IReadOnlyStore{T}"/>, so reconcilers can take them in their constructors.
    /// </summary>
    /// <typeparam name="TReconciler">The reconciler.</typeparam>
    /// <typeparam name="T">The primary kind.</typeparam>
    /// <param name="services">The services (after <see cref="AddCapiSdkRuntime"/>).</param>
    /// <param name="client">Creates the kind's typed client, e.g. <c>sp =&gt; new ClusterClient(sp.GetRequiredService&lt;IKubernetes&gt;())</c>.</param>
    /// <param name="configure">Adds owned and watched kinds, predicates, a name; concurrency defaults to <see cref="RuntimeOptions.MaxConcurrentReconciles"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddController<TReconciler, T>(
        this IServiceCollection services,
        Func<IServiceProvider, IResourceClient<T>> client,
        Action<ControllerBuilder<T>, IServiceProvider>? configure = null)
        where TReconciler : class, IReconciler<T>
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(client);
        services.TryAddSingleton(client);
        services.TryAddSingleton<IReadOnlyStore<T>>(sp => sp.GetRequiredService<InformerFactory>().GetOrCreate(sp.GetRequiredService<IResourceClient<T>>()));
        services.TryAddSingleton<TReconciler>();
        services.AddSingleton<IController>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            var builder = new ControllerBuilder<T>(sp.GetRequiredService<InformerFactory>(), sp.GetRequiredService<IResourceClient<T>>())
                .WithLogging(sp.GetRequiredService<ILoggerFactory>())
                .WithMetrics(sp.GetRequiredService<IRuntimeMetrics>())
                .WithMaxConcurrentReconciles(options.MaxConcurrentReconciles)
                .WithQueueOptions(new WorkQueueOptions
                {
                    BaseDelay = options.BaseRetryDelay,
                    MaxDelay = options.MaxRetryDelay,
                    RetriesPerSecond = options.RetriesPerSecond,
                    Burst = options.RetryBurst,
                    TimeProvider = sp.GetRequiredService<TimeProvider>(),
                });
            configure?.Invoke(builder, sp);
            return builder.Build(sp.GetRequiredService<TReconciler>());
        });
        return services;
    }

    private static Kubernetes CreateKubernetes(RuntimeOptions options)
    {
        var configuration = KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig, options.Context);
        return new Kubernetes(configuration);
    }
}
