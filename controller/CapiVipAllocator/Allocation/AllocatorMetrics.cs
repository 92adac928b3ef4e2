using Prometheus;

namespace CapiVipAllocator.Allocation;

/// <summary>
/// The Go operator's metrics, with its names, help texts and labels, so its dashboards and alerts keep working.
/// Counters and histograms are recorded as things happen; the gauges are recomputed from the informer caches
/// just before each scrape (<see cref="Refresh"/>), so they are always current.
/// </summary>
internal sealed class AllocatorMetrics
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly Counter _allocations;
    private readonly Counter _allocationErrors;
    private readonly Histogram _allocationDuration;
    private readonly Gauge _poolsAvailable;
    private readonly Gauge _poolTotal;
    private readonly Gauge _poolFree;
    private readonly Gauge _poolUsed;
    private readonly Gauge _claimsTotal;
    private readonly Gauge _claimsReady;
    private readonly Gauge _claimsPending;
    private readonly Counter _reconciles;
    private readonly Histogram _reconcileDuration;

    /// <summary>Creates the metrics in a registry (the runtime's, so /metrics serves both).</summary>
    public AllocatorMetrics(IMetricFactory factory)
    {
        _allocations = factory.CreateCounter("capi_vip_allocator_allocations_total", "Total number of VIP allocations by role", ["role", "cluster_class"]);
        _allocationErrors = factory.CreateCounter("capi_vip_allocator_allocation_errors_total", "Total number of VIP allocation errors", ["role", "cluster_class", "reason"]);
        _allocationDuration = factory.CreateHistogram("capi_vip_allocator_allocation_duration_seconds", "Duration of VIP allocation operations in seconds",
            new HistogramConfiguration { LabelNames = ["role", "cluster_class"], Buckets = DefaultBuckets });
        _poolsAvailable = factory.CreateGauge("capi_vip_allocator_pools_available", "Number of available GlobalInClusterIPPools by cluster class and role", ["cluster_class", "role"]);
        _poolTotal = factory.CreateGauge("capi_vip_allocator_pool_addresses_total", "Total number of IP addresses in pool", ["pool_name"]);
        _poolFree = factory.CreateGauge("capi_vip_allocator_pool_addresses_free", "Number of free IP addresses in pool", ["pool_name"]);
        _poolUsed = factory.CreateGauge("capi_vip_allocator_pool_addresses_used", "Number of used IP addresses in pool", ["pool_name"]);
        _claimsTotal = factory.CreateGauge("capi_vip_allocator_claims_total", "Total number of active IPAddressClaims", ["role", "namespace"]);
        _claimsReady = factory.CreateGauge("capi_vip_allocator_claims_ready", "Number of IPAddressClaims with allocated IP", ["role", "namespace"]);
        _claimsPending = factory.CreateGauge("capi_vip_allocator_claims_pending", "Number of IPAddressClaims waiting for IP allocation", ["role", "namespace"]);
        _reconciles = factory.CreateCounter("capi_vip_allocator_reconcile_total", "Total number of cluster reconcile operations", ["cluster_class", "result"]);
        _reconcileDuration = factory.CreateHistogram("capi_vip_allocator_reconcile_duration_seconds", "Duration of cluster reconcile operations in seconds",
            new HistogramConfiguration { LabelNames = ["cluster_class"], Buckets = DefaultBuckets });
    }

    /// <summary>A VIP was written to a Cluster, <paramref name="duration"/> after its claim was created.</summary>
    public void Allocated(VipRole role, string clusterClass, TimeSpan duration)
    {
        _allocations.WithLabels(role.Name, clusterClass).Inc();
        _allocationDuration.WithLabels(role.Name, clusterClass).Observe(Math.Max(0, duration.TotalSeconds));
    }

    /// <summary>An allocation failed (no pool, exhausted, invalid address, write error...).</summary>
    public void AllocationFailed(VipRole role, string clusterClass, string reason) => _allocationErrors.WithLabels(role.Name, clusterClass, reason).Inc();

    /// <summary>A reconcile ended (<c>success</c>, <c>requeue</c> or <c>error</c>).</summary>
    public void Reconciled(string clusterClass, string result, TimeSpan duration)
    {
        _reconciles.WithLabels(clusterClass, result).Inc();
        _reconcileDuration.WithLabels(clusterClass).Observe(duration.TotalSeconds);
    }

    /// <summary>Sets every gauge from a snapshot of the caches, removing series that no longer exist.</summary>
    public void Refresh(MetricsSnapshot snapshot)
    {
        Set(_poolsAvailable, snapshot.PoolsAvailable);
        Set(_poolTotal, snapshot.PoolTotal);
        Set(_poolFree, snapshot.PoolFree);
        Set(_poolUsed, snapshot.PoolUsed);
        Set(_claimsTotal, snapshot.ClaimsTotal);
        Set(_claimsReady, snapshot.ClaimsReady);
        Set(_claimsPending, snapshot.ClaimsPending);
    }

    private static void Set(Gauge gauge, IReadOnlyDictionary<string[], double> values)
    {
        var keep = new HashSet<string>(values.Keys.Select(k => string.Join('\u0001', k)), StringComparer.Ordinal);
        foreach (var labels in gauge.GetAllLabelValues().ToList())
        {
            if (!keep.Contains(string.Join('\u0001', labels)))
            {
                gauge.RemoveLabelled(labels);
            }
        }

        foreach (var (labels, value) in values)
        {
            gauge.WithLabels(labels).Set(value);
        }
    }
}
