using CapiSdk.Client;
using CapiSdk.IpamSimulator.Claims;
using CapiSdk.IpamSimulator.Pools;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using CapiSdk.Versions;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.IpamSimulator;

/// <summary>
/// Builds the simulator's informers and its three controllers — claims, InClusterIPPool status and
/// GlobalInClusterIPPool status — on CapiSdk.Runtime, with the newest API versions the server serves
/// (<see cref="IpamApiVersions"/>; Clusters cluster.x-k8s.io v1beta2 or v1beta1).
/// </summary>
internal static class SimulatorWiring
{
    private const string ByCluster = "ipam-simulator/cluster";

    public static (ControllerManager Manager, InformerFactory Informers) Build(IKubernetes kubernetes, IpamSimulatorOptions options, IpamApiVersions versions, string? clusterVersion, IEventRecorder? events)
    {
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var informers = new InformerFactory(new InformerOptions { Namespace = options.Namespace }, loggerFactory, options.TimeProvider);
        var claimClient = versions.ClaimClient(kubernetes);
        var addressClient = versions.AddressClient(kubernetes);
        var poolClient = versions.InClusterPoolClient(kubernetes);
        var globalPoolClient = versions.GlobalPoolClient(kubernetes);

        var claims = informers.GetOrCreate(claimClient);
        claims.AddIndexer(PoolCatalog.ByPool, PoolCatalog.IndexClaim);
        claims.AddIndexer(ByCluster, ClusterOf);
        var addresses = informers.GetOrCreate(addressClient);
        addresses.AddIndexer(PoolCatalog.ByPool, PoolCatalog.IndexAddress);
        var pools = informers.GetOrCreate(poolClient);
        var globalPools = informers.GetOrCreate(globalPoolClient);
        var clusterPaused = clusterVersion switch
        {
            "v1beta2" => Paused(informers.GetOrCreate(new V1Beta2.ClusterClient(kubernetes)), c => c.Spec?.Paused == true),
            "v1beta1" => Paused(informers.GetOrCreate(new V1Beta1.ClusterClient(kubernetes)), c => c.Spec?.Paused == true),
            _ => null,
        };

        var ledger = new AddressLedger();
        addresses.AddEventHandler(ledger.Observed, (_, current) => ledger.Observed(current), ledger.Observed);
        var catalog = new PoolCatalog(pools, globalPools, addresses);
        var reconciler = new ClaimReconciler(claims, addresses, clusterPaused, catalog, ledger, claimClient, addressClient, options, loggerFactory.CreateLogger("CapiSdk.IpamSimulator"));

        IEnumerable<ReconcileRequest> ClaimsOf(PoolKey key, Func<IPAddressClaim, bool> filter) =>
            claims.ByIndex(PoolCatalog.ByPool, PoolCatalog.IndexValue(key)).Where(filter).Select(ReconcileRequest.For);

        var claimController = new ControllerBuilder<IPAddressClaim>(informers, claimClient)
            .Named("ipam-simulator-claims")
            .WithPredicate(Predicates.ForObject(o => o is IPAddressClaim claim && PoolCatalog.KeyOf(claim) is not null))
            .Owns(addressClient)
            // A pool's own status writes (every allocation changes its counts) wake no claim: only its spec and its
            // annotations (pause) can change what a claim gets. Waking every claim on each count change made
            // allocation quadratic in the number of claims.
            .Watches(poolClient, pool => ClaimsOf(PoolCatalog.Describe(pool).Key, _ => true), PoolSpecOrAnnotationsChanged)
            .Watches(globalPoolClient, pool => ClaimsOf(PoolCatalog.Describe(pool).Key, _ => true), PoolSpecOrAnnotationsChanged)
            // A released address can satisfy a claim that is waiting on a full pool.
            .Watches(addressClient, address => PoolCatalog.KeyOf(address) is { } key ? ClaimsOf(key, c => c.Status?.AddressRef is null) : [],
                new EventPredicate(create: _ => false, update: (_, _) => false))
            .WithMaxConcurrentReconciles(options.MaxConcurrentReconciles)
            .WithLogging(loggerFactory);
        IEnumerable<ReconcileRequest> ClaimsOfCluster(IKubernetesObject<k8s.Models.V1ObjectMeta> cluster) =>
            claims.ByIndex(ByCluster, $"{cluster.Metadata.NamespaceProperty}/{cluster.Metadata.Name}").Select(ReconcileRequest.For);
        if (clusterVersion == "v1beta2")
        {
            claimController.Watches(new V1Beta2.ClusterClient(kubernetes), ClaimsOfCluster);
        }
        else if (clusterVersion == "v1beta1")
        {
            claimController.Watches(new V1Beta1.ClusterClient(kubernetes), ClaimsOfCluster);
        }

        var poolController = new ControllerBuilder<InClusterIPPool>(informers, poolClient)
            .Named("ipam-simulator-inclusterippools")
            .Watches(addressClient, address => PoolCatalog.KeyOf(address) is { Kind: IpamConstants.InClusterIPPoolKind } key ? [new ReconcileRequest(key.Namespace, key.Name)] : [])
            .WithLogging(loggerFactory)
            .Build(new PoolStatusReconciler<InClusterIPPool>(
                pools,
                PoolCatalog.Describe,
                pool => pool.Status?.IpAddresses is { } s ? new PoolUsage(s.Total ?? 0, s.Used ?? 0, s.Free ?? 0, s.OutOfRange ?? 0) : null,
                (ns, name, patch, ct) => poolClient.PatchStatusAsync(ns!, name, PatchFormat.Merge, patch, cancellationToken: ct),
                catalog,
                events));
        var globalPoolController = new ControllerBuilder<GlobalInClusterIPPool>(informers, globalPoolClient)
            .Named("ipam-simulator-globalinclusterippools")
            .Watches(addressClient, address => PoolCatalog.KeyOf(address) is { Kind: IpamConstants.GlobalInClusterIPPoolKind } key ? [new ReconcileRequest(null, key.Name)] : [])
            .WithLogging(loggerFactory)
            .Build(new PoolStatusReconciler<GlobalInClusterIPPool>(
                globalPools,
                PoolCatalog.Describe,
                pool => pool.Status?.IpAddresses is { } s ? new PoolUsage(s.Total ?? 0, s.Used ?? 0, s.Free ?? 0, s.OutOfRange ?? 0) : null,
                (_, name, patch, ct) => globalPoolClient.PatchStatusAsync(null, name, PatchFormat.Merge, patch, cancellationToken: ct),
                catalog,
                events));

        return (new ControllerManager(informers, [claimController.Build(reconciler), poolController, globalPoolController], AlwaysLeader.Instance, loggerFactory.CreateLogger<ControllerManager>()), informers);
    }

    // null: no such Cluster (its paused state is unknown); else spec.paused or the paused annotation.
    private static Func<string?, string, bool?> Paused<TCluster>(IReadOnlyStore<TCluster> clusters, Func<TCluster, bool> specPaused)
        where TCluster : class, IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        (ns, name) => clusters.Get(ns, name) is { } cluster ? specPaused(cluster) || cluster.Metadata.Annotations?.ContainsKey(IpamConstants.PausedAnnotation) == true : null;

    private static readonly EventPredicate PoolSpecOrAnnotationsChanged = new(update: (old, value) =>
        old.Metadata?.Generation != value.Metadata?.Generation
        || Predicates.AnnotationsChanged.Update(old, value));

    private static IEnumerable<string> ClusterOf(IPAddressClaim claim)
    {
        var name = ClaimCluster.NameOf(claim);
        return name is null ? [] : [$"{claim.Metadata.NamespaceProperty}/{name}"];
    }
}
