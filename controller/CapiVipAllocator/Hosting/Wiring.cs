using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Queue;
using CapiVipAllocator.Allocation;
using CapiVipAllocator.Extension;
using CapiVipAllocator.Versions;

namespace CapiVipAllocator.Hosting;

/// <summary>The informers' consumers built for one set of served versions; rebuilt when those versions change.</summary>
/// <param name="Versions">The versions they work in.</param>
/// <param name="Controllers">The allocation controller and the orphan sweeper.</param>
/// <param name="Clusters">The Cluster cache and writes.</param>
/// <param name="Enqueue">Queues a Cluster's reconcile.</param>
/// <param name="Signal">Fires when the Cluster cache changes a Cluster.</param>
/// <param name="Snapshot">The metrics gauges' values from the caches.</param>
internal sealed record Wiring(
    ServedVersions Versions,
    IReadOnlyList<IController> Controllers,
    IClusterApi Clusters,
    Action<ReconcileRequest> Enqueue,
    ClusterCacheSignal Signal,
    Func<MetricsSnapshot> Snapshot);
