using CapiSdk.Client;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.LeaderElection;
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
    /// <see cref="InformerFactory"/>, the <see cref="ControllerManager"/> run as a hosted service, Prometheus
    /// metrics, the <c>/healthz</c> <c>/readyz</c> <c>/metrics</c> server, an <see cref="IEventRecorder"/>, a
    /// <see cref="LeaseLeaderElector"/> when <c>LeaderElection:LeaseName</c> is set (else every instance leads), and
    /// — unless already registered — an <see cref="IKubernetes"/> from the in-cluster configuration or a kubeconfig
    /// and <see cref="TimeProvider.System"/>. Anything registered before this call is kept.
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
        services.TryAddSingleton<PrometheusRuntimeMetrics>();
        services.TryAddSingleton<IRuntimeMetrics>(sp => sp.GetRequiredService<PrometheusRuntimeMetrics>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILeadershipGate>(sp =>
        {
            var election = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.LeaderElection;
            return string.IsNullOrEmpty(election.LeaseName)
                ? AlwaysLeader.Instance
                : new LeaseLeaderElector(sp.GetRequiredService<IKubernetes>(), election, sp.GetRequiredService<IRuntimeMetrics>(), sp.GetRequiredService<ILogger<LeaseLeaderElector>>());
        });
        services.TryAddSingleton<IEventRecorder>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            var component = options.EventComponent ?? sp.GetService<IHostEnvironment>()?.ApplicationName ?? "capisdk-controller";
            return new EventRecorder(sp.GetRequiredService<IKubernetes>(), new EventRecorderOptions { Component = component }, sp.GetRequiredService<ILogger<EventRecorder>>(), sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            var server = new HealthServer(options.Health, sp.GetService<PrometheusRuntimeMetrics>());
            var manager = sp.GetRequiredService<ControllerManager>();
            server.AddReadinessCheck("informers-synced", () => manager.IsReady);
            if (sp.GetRequiredService<ILeadershipGate>() is LeaseLeaderElector elector)
            {
                server.AddLeaderElectionCheck(elector);
            }

            return server;
        });
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
            sp.GetRequiredService<ILogger<ControllerManager>>())
        {
            CacheSyncTimeout = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.CacheSyncTimeout,
        });
        // Order matters: the elector starts campaigning before the manager waits on it; the health server last.
        services.AddSingleton<IHostedService>(sp => new OptionalHostedService(sp.GetRequiredService<ILeadershipGate>() as IHostedService));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ControllerManagerService>());
        services.AddSingleton<IHostedService>(sp => new OptionalHostedService(
            sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.Health.Port < 0 ? null : sp.GetRequiredService<HealthServer>()));
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
