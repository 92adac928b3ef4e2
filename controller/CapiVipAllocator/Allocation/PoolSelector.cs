namespace CapiVipAllocator.Allocation;

/// <summary>
/// Chooses the pool a Cluster's VIP comes from. The rule (documented in the README):
/// <list type="number">
/// <item>control plane only: the Cluster annotation <c>vip.capi.gorizond.io/pool</c> wins. <c>name</c> names an
/// InClusterIPPool in the Cluster's namespace when one exists, else a GlobalInClusterIPPool; <c>namespace/name</c>
/// names an InClusterIPPool, and the namespace must be the Cluster's (a claim can only reference a pool in its own
/// namespace);</item>
/// <item>otherwise the pools labelled <c>vip.capi.gorizond.io/role: &lt;role&gt;</c> whose
/// <c>vip.capi.gorizond.io/cluster-class</c> list holds the class name: InClusterIPPools in the Cluster's
/// namespace and GlobalInClusterIPPools;</item>
/// <item>of several: InClusterIPPools before GlobalInClusterIPPools, then pools with free addresses (or no status
/// yet) before full ones, then by name (ordinal).</item>
/// </list>
/// </summary>
internal static class PoolSelector
{
    /// <summary>Selects the pool for a Cluster.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="role">The VIP role.</param>
    /// <param name="namespaced">InClusterIPPools in the Cluster's namespace.</param>
    /// <param name="global">GlobalInClusterIPPools.</param>
    public static PoolChoice Select(ClusterFacts cluster, VipRole role, IReadOnlyList<PoolFacts> namespaced, IReadOnlyList<PoolFacts> global)
    {
        if (role == VipRole.ControlPlane && cluster.Annotation(Names.PoolAnnotation) is { } named)
        {
            return ByAnnotation(cluster, named.Trim(), namespaced, global);
        }

        var className = cluster.ClassName ?? "";
        var best = namespaced.Concat(global)
            .Where(p => Serves(p, role, className))
            .OrderBy(p => p.Namespace is null ? 1 : 0)
            .ThenBy(p => p.Free is 0 ? 1 : 0)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best is not null
            ? PoolChoice.Of(best)
            : PoolChoice.None("NoMatchingPool", $"no InClusterIPPool in namespace {cluster.Namespace} and no GlobalInClusterIPPool has the labels " +
                $"{Names.RoleLabel}={role.Name} and {Names.ClusterClassLabel} listing \"{className}\"; label a pool, or name one in the {Names.PoolAnnotation} annotation");
    }

    /// <summary>True when the pool is labelled for the role and lists the class.</summary>
    public static bool Serves(PoolFacts pool, VipRole role, string className) =>
        pool.Labels.TryGetValue(Names.RoleLabel, out var r) && r == role.Name && Classes(pool).Contains(className);

    /// <summary>The class names a pool serves: its label's comma-separated list, or the annotation's when the label is "true".</summary>
    public static IReadOnlyCollection<string> Classes(PoolFacts pool)
    {
        if (!pool.Labels.TryGetValue(Names.ClusterClassLabel, out var list))
        {
            return [];
        }

        if (list == "true")
        {
            list = pool.Annotations.TryGetValue(Names.ClusterClassLabel, out var annotation) ? annotation : "";
        }

        return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static PoolChoice ByAnnotation(ClusterFacts cluster, string value, IReadOnlyList<PoolFacts> namespaced, IReadOnlyList<PoolFacts> global)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var ns = value[..slash];
            var name = value[(slash + 1)..];
            if (ns != cluster.Namespace || name.Length == 0)
            {
                return PoolChoice.None("InvalidPoolAnnotation", $"{Names.PoolAnnotation}: \"{value}\" must be <name> or {cluster.Namespace}/<name>: an IPAddressClaim can only use an InClusterIPPool in its own namespace ({cluster.Namespace}) or a GlobalInClusterIPPool");
            }

            return namespaced.FirstOrDefault(p => p.Name == name) is { } pool
                ? PoolChoice.Of(pool)
                : PoolChoice.None("NoMatchingPool", $"{Names.PoolAnnotation} names InClusterIPPool {value}, which does not exist; create it or fix the annotation");
        }

        return namespaced.FirstOrDefault(p => p.Name == value) is { } local
            ? PoolChoice.Of(local)
            : global.FirstOrDefault(p => p.Name == value) is { } shared
                ? PoolChoice.Of(shared)
                : PoolChoice.None("NoMatchingPool", $"{Names.PoolAnnotation} names \"{value}\", but there is no InClusterIPPool {cluster.Namespace}/{value} and no GlobalInClusterIPPool {value}; create it or fix the annotation");
    }
}
