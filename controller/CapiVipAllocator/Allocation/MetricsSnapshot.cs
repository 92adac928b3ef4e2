using Claim = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim;

namespace CapiVipAllocator.Allocation;

/// <summary>The gauge values computed from the caches at one moment (label values → value).</summary>
internal sealed class MetricsSnapshot
{
    /// <summary>capi_vip_allocator_pools_available by (cluster_class, role).</summary>
    public Dictionary<string[], double> PoolsAvailable { get; } = new(LabelComparer.Instance);

    /// <summary>capi_vip_allocator_pool_addresses_total by pool_name.</summary>
    public Dictionary<string[], double> PoolTotal { get; } = new(LabelComparer.Instance);

    /// <summary>capi_vip_allocator_pool_addresses_free by pool_name.</summary>
    public Dictionary<string[], double> PoolFree { get; } = new(LabelComparer.Instance);

    /// <summary>capi_vip_allocator_pool_addresses_used by pool_name.</summary>
    public Dictionary<string[], double> PoolUsed { get; } = new(LabelComparer.Instance);

    /// <summary>capi_vip_allocator_claims_total by (role, namespace).</summary>
    public Dictionary<string[], double> ClaimsTotal { get; } = new(LabelComparer.Instance);

    /// <summary>capi_vip_allocator_claims_ready by (role, namespace).</summary>
    public Dictionary<string[], double> ClaimsReady { get; } = new(LabelComparer.Instance);

    /// <summary>capi_vip_allocator_claims_pending by (role, namespace).</summary>
    public Dictionary<string[], double> ClaimsPending { get; } = new(LabelComparer.Instance);

    /// <summary>Computes the snapshot.</summary>
    /// <param name="classNames">The ClusterClass names in the cache.</param>
    /// <param name="pools">Every pool (global and namespaced) with its status.</param>
    /// <param name="claims">Every cached claim.</param>
    public static MetricsSnapshot Compute(IEnumerable<string> classNames, IReadOnlyList<(PoolFacts Pool, long? Total, long? Used)> pools, IEnumerable<Claim> claims)
    {
        var snapshot = new MetricsSnapshot();
        foreach (var className in classNames.Distinct(StringComparer.Ordinal))
        {
            foreach (var role in VipRole.All)
            {
                snapshot.PoolsAvailable[[className, role.Name]] = pools.Count(p => PoolSelector.Serves(p.Pool, role, className));
            }
        }

        foreach (var (pool, total, used) in pools)
        {
            var name = pool.Namespace is null ? pool.Name : pool.Namespace + "/" + pool.Name;
            snapshot.PoolTotal[[name]] = total ?? 0;
            snapshot.PoolFree[[name]] = pool.Free ?? 0;
            snapshot.PoolUsed[[name]] = used ?? 0;
        }

        foreach (var claim in claims)
        {
            if (claim.Metadata.Labels?.TryGetValue(Names.RoleLabel, out var role) != true || role is null)
            {
                continue;
            }

            string[] key = [role, claim.Metadata.NamespaceProperty];
            var ready = !string.IsNullOrEmpty(claim.Status?.AddressRef?.Name);
            snapshot.ClaimsTotal[key] = snapshot.ClaimsTotal.GetValueOrDefault(key) + 1;
            snapshot.ClaimsReady[key] = snapshot.ClaimsReady.GetValueOrDefault(key) + (ready ? 1 : 0);
            snapshot.ClaimsPending[key] = snapshot.ClaimsPending.GetValueOrDefault(key) + (ready ? 0 : 1);
        }

        return snapshot;
    }
}
