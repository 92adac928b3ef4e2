using CapiSdk.Runtime.Informers;
using Global = CapiSdk.Models.Ipam.Cluster.V1Alpha2.GlobalInClusterIPPool;
using Namespaced = CapiSdk.Models.Ipam.Cluster.V1Alpha2.InClusterIPPool;

namespace CapiVipAllocator.Allocation;

/// <summary>The cached pools, as <see cref="PoolFacts"/>.</summary>
internal sealed class PoolCatalog(SharedInformer<Global> global, SharedInformer<Namespaced> namespaced)
{
    /// <summary>
    /// Selects the pool for a Cluster and role (<see cref="PoolSelector"/>). A pool being deleted (it may wait for
    /// finalizers or the garbage collector's orphaning) is no longer a candidate, as if it were gone.
    /// </summary>
    public PoolChoice Select(ClusterFacts cluster, VipRole role) =>
        PoolSelector.Select(
            cluster,
            role,
            namespaced.ByIndex(Indexers.ByNamespace, cluster.Namespace).Where(p => p.Metadata.DeletionTimestamp is null).Select(PoolFacts.From).ToList(),
            global.List().Where(p => p.Metadata.DeletionTimestamp is null).Select(PoolFacts.From).ToList());

    /// <summary>Every pool with its address counts, for the metrics.</summary>
    public IReadOnlyList<(PoolFacts Pool, long? Total, long? Used)> All() =>
        [
            .. global.List().Select(p => (PoolFacts.From(p), p.Status?.IpAddresses?.Total, p.Status?.IpAddresses?.Used)),
            .. namespaced.List().Select(p => (PoolFacts.From(p), p.Status?.IpAddresses?.Total, p.Status?.IpAddresses?.Used)),
        ];
}
