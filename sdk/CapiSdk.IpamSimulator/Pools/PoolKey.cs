namespace CapiSdk.IpamSimulator.Pools;

/// <summary>Which pool: its kind, its namespace (null for the cluster-scoped GlobalInClusterIPPool) and name.</summary>
/// <param name="Kind"><c>InClusterIPPool</c> or <c>GlobalInClusterIPPool</c>.</param>
/// <param name="Namespace">The namespace, or null for a global pool.</param>
/// <param name="Name">The pool's name.</param>
internal readonly record struct PoolKey(string Kind, string? Namespace, string Name)
{
    /// <summary>The form used in messages: <c>InClusterIPPool default/vip-pool</c>, <c>GlobalInClusterIPPool vips</c>.</summary>
    public override string ToString() => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
