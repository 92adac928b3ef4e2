using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.LeaderElection;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Versions;
using CapiVipAllocator.Allocation;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Extension;
using CapiVipAllocator.Versions;
using k8s;
using Microsoft.Extensions.Logging;
using Pools = CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiVipAllocator.Hosting;

/// <summary>
/// The controller process: probes and metrics endpoints, the served Cluster API version (discovery), informers,
/// the allocation controller and the orphan sweeper under leader election, and a graceful stop that ends the last
/// reconcile before it releases the Lease.
/// </summary>
internal sealed class AllocatorHost(AllocatorOptions options, IKubernetes kubernetes, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = loggerFactory.CreateLogger("capi-vip-allocator");
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ControllerManager? _manager;
    private LeaseLeaderElector? _elector;
    private volatile Wiring? _wiring;

    /// <summary>The bound /healthz and /readyz address (null when off or not yet started).</summary>
    public Uri? ProbeAddress { get; private set; }

    /// <summary>The bound /metrics address (null when off or not yet started).</summary>
    public Uri? MetricsAddress { get; private set; }

    /// <summary>The Runtime SDK hook server's address (with <c>--enable-runtime-extension</c>, after start).</summary>
    public Uri? RuntimeExtensionAddress { get; private set; }

    /// <summary>The Cluster API version in use (after discovery; it changes when the served versions do).</summary>
    public string? ClusterApiVersion => _wiring?.Versions.Cluster;

    /// <summary>The ipam.cluster.x-k8s.io versions in use (after discovery; they change when the served versions do).</summary>
    public IpamApiVersions? IpamVersions => _wiring?.Versions.Ipam;

    /// <summary>True while this replica's controllers run (it holds the Lease, or leader election is off).</summary>
    public bool IsLeading => _manager?.IsLeading == true;

    /// <summary>True once the caches synced.</summary>
    public bool IsReady => _manager?.IsReady == true;

    /// <summary>The Lease holder identity of this replica (leader election on), else null.</summary>
    public string? Identity => _elector?.Identity;

    /// <summary>How many times the informers and controllers were rebuilt because the served API versions changed.</summary>
    public int Rewirings { get; private set; }

    /// <summary>Completes when the endpoints are bound and discovery is done.</summary>
    public Task Started => _started.Task;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then stops gracefully.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var runtimeMetrics = new PrometheusRuntimeMetrics();
        var metrics = new AllocatorMetrics(runtimeMetrics.Factory);
        var probes = options.HealthProbeBindAddress is { } p ? new HealthServer(new HealthServerOptions { Host = p.Host, Port = p.Port }) : null;
        var sameAddress = options.MetricsBindAddress is { } m && options.HealthProbeBindAddress is { } h && m.Host == h.Host && m.Port == h.Port && m.Port != 0;
        var metricsServer = sameAddress ? null : options.MetricsBindAddress is { } ma ? new HealthServer(new HealthServerOptions { Host = ma.Host, Port = ma.Port }, runtimeMetrics) : null;
        if (sameAddress)
        {
            probes = new HealthServer(new HealthServerOptions { Host = options.HealthProbeBindAddress!.Host, Port = options.HealthProbeBindAddress.Port }, runtimeMetrics);
        }

        await using var recorder = new EventRecorder(kubernetes, new EventRecorderOptions { Component = Names.FieldManager }, loggerFactory.CreateLogger<EventRecorder>(), _time);
        ILeadershipGate gate = AlwaysLeader.Instance;
        if (options.LeaderElect)
        {
            _elector = new LeaseLeaderElector(kubernetes, new LeaderElectionOptions
            {
                LeaseName = options.LeaderElectionId,
                LeaseNamespace = KubernetesConnection.LeaseNamespace(options.LeaderElectionNamespace),
                LeaseDuration = options.LeaseDuration,
                RenewDeadline = options.RenewDeadline,
                RetryPeriod = options.RetryPeriod,
            }, runtimeMetrics, loggerFactory.CreateLogger<LeaseLeaderElector>());
            gate = _elector;
        }

        RuntimeExtensionServer? extension = null;
        using var stopWatching = new CancellationTokenSource();
        var watching = Task.CompletedTask;
        try
        {
            if (probes is not null)
            {
                probes.AddReadinessCheck("informers-synced", () => _manager?.IsReady == true);
                if (_elector is not null)
                {
                    probes.AddLeaderElectionCheck(_elector);
                }

                await probes.StartAsync(cancellationToken).ConfigureAwait(false);
                ProbeAddress = probes.Address;
                MetricsAddress = sameAddress ? probes.Address : null;
            }

            if (metricsServer is not null)
            {
                await metricsServer.StartAsync(cancellationToken).ConfigureAwait(false);
                MetricsAddress = metricsServer.Address;
            }

            runtimeMetrics.Registry.AddBeforeCollectCallback(() =>
            {
                if (_wiring is { } current)
                {
                    metrics.Refresh(current.Snapshot());
                }
            });
            var versionWatch = new ServedVersionWatch(kubernetes, loggerFactory, _time);
            watching = versionWatch.RunAsync(stopWatching.Token);
            var versions = await ClusterApiDiscovery.DiscoverAsync(kubernetes, options.Namespace, null, _logger, cancellationToken).ConfigureAwait(false);
            var baseline = versions;
            if (_elector is not null)
            {
                await _elector.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            // One round per set of served versions: a CRD upgrade that changes them stops this round's informers and
            // controllers (the Lease, endpoints and hook server stay) and the next round works in the new versions.
            while (true)
            {
                using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var informers = new InformerFactory(new InformerOptions { Namespace = options.Namespace }, loggerFactory, _time);
                var wiring = versions.Cluster == "v1beta1"
                    ? Wire(informers, versions, new V1Beta1.ClusterClient(kubernetes), new V1Beta1.ClusterClassClient(kubernetes), c => ClusterFactsReader.Read(c, options.VariableName),
                        cc => cc.Spec?.Variables?.Select(v => v.Name ?? "").ToList(), ClusterApiPatches.For(new V1Beta1.ClusterClient(kubernetes)), recorder, metrics, runtimeMetrics)
                    : Wire(informers, versions, new V1Beta2.ClusterClient(kubernetes), new V1Beta2.ClusterClassClient(kubernetes), c => ClusterFactsReader.Read(c, options.VariableName),
                        cc => cc.Spec?.Variables?.Select(v => v.Name ?? "").ToList(), ClusterApiPatches.For(new V1Beta2.ClusterClient(kubernetes)), recorder, metrics, runtimeMetrics);
                _wiring = wiring;
                _manager = new ControllerManager(informers, options.EnableReconciler ? wiring.Controllers : [], gate, loggerFactory.CreateLogger<ControllerManager>());
                if (options.EnableRuntimeExtension && extension is null)
                {
                    var creationGate = new CreationGate(() => _wiring, options.RuntimeExtensionWait, retryAfterSeconds: 2, _time);
                    extension = await RuntimeExtension.StartAsync(options, kubernetes, creationGate, loggerFactory, cancellationToken).ConfigureAwait(false);
                    RuntimeExtensionAddress = extension.Address;
                }

                // What the CRDs said when this round began: a server that never agrees with them is not asked again and again.
                versionWatch.Expect(baseline, () => Cancel(round));
                _started.TrySetResult();
                await _manager.RunAsync(round.Token).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var expected = versionWatch.Expected;
                versions = await ClusterApiDiscovery.DiscoverAsync(kubernetes, options.Namespace, expected, _logger, cancellationToken).ConfigureAwait(false);
                baseline = expected ?? versions;
                Rewirings++;
                AllocatorLog.Rewired(_logger, versions.ToString());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _started.TrySetResult();
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_elector is not null)
            {
                await _elector.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await _elector.DisposeAsync().ConfigureAwait(false);
            }

            if (extension is not null)
            {
                await extension.DisposeAsync().ConfigureAwait(false);
            }

            await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (metricsServer is not null)
            {
                await metricsServer.DisposeAsync().ConfigureAwait(false);
            }

            if (probes is not null)
            {
                await probes.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Wiring Wire<TCluster, TClass>(
        InformerFactory informers,
        ServedVersions versions,
        IResourceClient<TCluster> clusterClient,
        IResourceClient<TClass> classClient,
        Func<TCluster, ClusterFacts> read,
        Func<TClass, IReadOnlyCollection<string>?> variables,
        ClusterApiPatches.Patch<TCluster> patch,
        IEventRecorder recorder,
        AllocatorMetrics metrics,
        PrometheusRuntimeMetrics runtimeMetrics)
        where TCluster : class, IKubernetesObject<k8s.Models.V1ObjectMeta>
        where TClass : class, IKubernetesObject<k8s.Models.V1ObjectMeta>
    {
        var clusterCache = informers.GetOrCreate(clusterClient);
        clusterCache.AddIndexer(ClassIndex, c => read(c) is { ClassName: { } name } f ? [f.ClassNamespace + "/" + name] : []);
        var signal = new ClusterCacheSignal();
        clusterCache.AddEventHandler(c => signal.Changed(c.Metadata.NamespaceProperty, c.Metadata.Name), (_, c) => signal.Changed(c.Metadata.NamespaceProperty, c.Metadata.Name));
        var classCache = informers.GetOrCreate(classClient);
        var v1beta1 = versions.Cluster == "v1beta1";
        var claimClient = versions.Ipam.ClaimClient(kubernetes);
        var addressClient = versions.Ipam.AddressClient(kubernetes);
        var globalClient = versions.Ipam.GlobalPoolClient(kubernetes);
        var namespacedClient = versions.Ipam.InClusterPoolClient(kubernetes);
        var claimCache = informers.GetOrCreate(claimClient);
        var addressCache = informers.GetOrCreate(addressClient);
        addressCache.AddIndexer(ClaimManager.AddressIndex, ClaimManager.AddressKeys);
        var pools = new PoolCatalog(informers.GetOrCreate(globalClient), informers.GetOrCreate(namespacedClient));
        var api = new ClusterApi<TCluster>(Names.ClusterGroup + "/" + (v1beta1 ? "v1beta1" : "v1beta2"), v1beta1, clusterCache, read,
            (ns, name, ct) => clusterClient.GetAsync(ns, name, ct), (ns, name, body, sub, o, ct) => patch(ns, name, body, sub, o, ct));
        var claims = new ClaimManager(claimCache, addressCache, claimClient, pools, recorder, loggerFactory.CreateLogger<ClaimManager>(), _time, options.WaitingGrace);
        IReadOnlyCollection<string>? ClassVariables(string ns, string name) => classCache.Get(ns, name) is { } cc ? variables(cc) ?? [] : null;
        var reconciler = new VipReconciler(api, ClassVariables, claims, recorder, metrics, options, loggerFactory.CreateLogger<VipReconciler>(), _time);

        IEnumerable<CapiSdk.Runtime.Queue.ReconcileRequest> ForClaimName(string? ns, string? claimName) =>
            claimName is not null && VipRole.FromClaimName(claimName) is { } named ? [new(ns, named.Cluster)] : [];
        IEnumerable<CapiSdk.Runtime.Queue.ReconcileRequest> Waiting(string? ns) =>
            clusterCache.List().Select(read)
                .Where(c => (ns is null || c.Namespace == ns) && c.ClassName is not null && (claims.Find(c, VipRole.ControlPlane) is null || c.Condition?.Status != "True"))
                .Select(c => new CapiSdk.Runtime.Queue.ReconcileRequest(c.Namespace, c.Name));
        var poolChanged = new EventPredicate(update: (old, value) => PoolChanged(old, value));
        var controller = new ControllerBuilder<TCluster>(informers, clusterClient)
            .Named("cluster")
            .WithPredicate(new EventPredicate(update: (old, value) =>
                Predicates.GenerationChanged.Update(old, value) || Predicates.AnnotationsChanged.Update(old, value) || Predicates.LabelsChanged.Update(old, value)))
            .Watches(claimClient, c => ForClaimName(c.Metadata.NamespaceProperty, c.Metadata.Name))
            .Watches(addressClient, a => ForClaimName(a.Metadata.NamespaceProperty, a.Spec?.ClaimRef?.Name))
            .Watches(classClient, cc => clusterCache.ByIndex(ClassIndex, cc.Metadata.NamespaceProperty + "/" + cc.Metadata.Name).Select(CapiSdk.Runtime.Queue.ReconcileRequest.For))
            .Watches(globalClient, _ => Waiting(null), poolChanged)
            .Watches(namespacedClient, p => Waiting(p.Metadata.NamespaceProperty), poolChanged)
            .WithMaxConcurrentReconciles(options.MaxConcurrentReconciles)
            .WithLogging(loggerFactory)
            .WithMetrics(runtimeMetrics)
            .Build(new ClusterReconcilerAdapter<TCluster>(reconciler));
        var sweeper = new OrphanSweeper(claimCache, api, claims, loggerFactory.CreateLogger<OrphanSweeper>());
        return new Wiring(versions, [controller, sweeper], api, controller.Enqueue, signal,
            () => MetricsSnapshot.Compute(classCache.List().Select(c => c.Metadata.Name), pools.All(), claimCache.List()));
    }

    private const string ClassIndex = "vip-allocator/class";

    private static void Cancel(CancellationTokenSource round)
    {
        try
        {
            round.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The round ended already.
        }
    }

    private static bool PoolChanged(IKubernetesObject<k8s.Models.V1ObjectMeta> old, IKubernetesObject<k8s.Models.V1ObjectMeta> value) =>
        Predicates.GenerationChanged.Update(old, value) || Predicates.LabelsChanged.Update(old, value) || Predicates.AnnotationsChanged.Update(old, value) ||
        Free(value) > Free(old);

    private static long Free(IKubernetesObject<k8s.Models.V1ObjectMeta> pool) => pool switch
    {
        Pools.GlobalInClusterIPPool g => g.Status?.IpAddresses?.Free ?? 0,
        Pools.InClusterIPPool n => n.Status?.IpAddresses?.Free ?? 0,
        _ => 0,
    };
}
