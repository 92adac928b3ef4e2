using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Topology;

/// <summary>
/// The MachineDeployment and MachinePool pools of a Cluster's topology, by name, in both API versions: list them,
/// add or change one (class, replicas), remove one. Setters return true when the Cluster changed, so callers write only then.
/// </summary>
public static class WorkerTopologies
{
    /// <summary>The MachineDeployment pools (<c>spec.topology.workers.machineDeployments</c>); empty without a topology.</summary>
    /// <param name="cluster">The Cluster.</param>
    public static IReadOnlyList<WorkerTopology> GetMachineDeploymentTopologies(this V1Beta2.Cluster cluster) =>
        View(cluster?.Spec?.Topology?.Workers?.MachineDeployments, static p => new WorkerTopology(p.Name ?? string.Empty, p.Class ?? string.Empty, p.Replicas));

    /// <inheritdoc cref="GetMachineDeploymentTopologies(V1Beta2.Cluster)"/>
    public static IReadOnlyList<WorkerTopology> GetMachineDeploymentTopologies(this V1Beta1.Cluster cluster) =>
        View(cluster?.Spec?.Topology?.Workers?.MachineDeployments, static p => new WorkerTopology(p.Name ?? string.Empty, p.Class ?? string.Empty, p.Replicas));

    /// <summary>The MachinePool pools (<c>spec.topology.workers.machinePools</c>); empty without a topology.</summary>
    /// <param name="cluster">The Cluster.</param>
    public static IReadOnlyList<WorkerTopology> GetMachinePoolTopologies(this V1Beta2.Cluster cluster) =>
        View(cluster?.Spec?.Topology?.Workers?.MachinePools, static p => new WorkerTopology(p.Name ?? string.Empty, p.Class ?? string.Empty, p.Replicas));

    /// <inheritdoc cref="GetMachinePoolTopologies(V1Beta2.Cluster)"/>
    public static IReadOnlyList<WorkerTopology> GetMachinePoolTopologies(this V1Beta1.Cluster cluster) =>
        View(cluster?.Spec?.Topology?.Workers?.MachinePools, static p => new WorkerTopology(p.Name ?? string.Empty, p.Class ?? string.Empty, p.Replicas));

    /// <summary>Adds the MachineDeployment pool <paramref name="pool"/>, or sets its class and replicas when it exists.</summary>
    /// <param name="cluster">The Cluster; it must use a topology (<c>spec.topology</c> set).</param>
    /// <param name="pool">The pool.</param>
    /// <returns>True when the Cluster changed.</returns>
    /// <exception cref="InvalidOperationException">The Cluster has no topology.</exception>
    public static bool SetMachineDeploymentTopology(this V1Beta2.Cluster cluster, WorkerTopology pool)
    {
        var workers = Topology(cluster?.Spec?.Topology, cluster?.Metadata?.Name, pool).Workers ??= new();
        return Upsert(workers.MachineDeployments ??= NewList(workers.MachineDeployments), pool, static p => p.Name, static p => (p.Class, p.Replicas), static (p, x) => (p.Name, p.Class, p.Replicas) = (x.Name, x.Class, x.Replicas));
    }

    /// <inheritdoc cref="SetMachineDeploymentTopology(V1Beta2.Cluster, WorkerTopology)"/>
    public static bool SetMachineDeploymentTopology(this V1Beta1.Cluster cluster, WorkerTopology pool)
    {
        var workers = Topology(cluster?.Spec?.Topology, cluster?.Metadata?.Name, pool).Workers ??= new();
        return Upsert(workers.MachineDeployments ??= NewList(workers.MachineDeployments), pool, static p => p.Name, static p => (p.Class, p.Replicas), static (p, x) => (p.Name, p.Class, p.Replicas) = (x.Name, x.Class, x.Replicas));
    }

    /// <summary>Adds the MachinePool pool <paramref name="pool"/>, or sets its class and replicas when it exists.</summary>
    /// <param name="cluster">The Cluster; it must use a topology (<c>spec.topology</c> set).</param>
    /// <param name="pool">The pool.</param>
    /// <returns>True when the Cluster changed.</returns>
    /// <exception cref="InvalidOperationException">The Cluster has no topology.</exception>
    public static bool SetMachinePoolTopology(this V1Beta2.Cluster cluster, WorkerTopology pool)
    {
        var workers = Topology(cluster?.Spec?.Topology, cluster?.Metadata?.Name, pool).Workers ??= new();
        return Upsert(workers.MachinePools ??= NewList(workers.MachinePools), pool, static p => p.Name, static p => (p.Class, p.Replicas), static (p, x) => (p.Name, p.Class, p.Replicas) = (x.Name, x.Class, x.Replicas));
    }

    /// <inheritdoc cref="SetMachinePoolTopology(V1Beta2.Cluster, WorkerTopology)"/>
    public static bool SetMachinePoolTopology(this V1Beta1.Cluster cluster, WorkerTopology pool)
    {
        var workers = Topology(cluster?.Spec?.Topology, cluster?.Metadata?.Name, pool).Workers ??= new();
        return Upsert(workers.MachinePools ??= NewList(workers.MachinePools), pool, static p => p.Name, static p => (p.Class, p.Replicas), static (p, x) => (p.Name, p.Class, p.Replicas) = (x.Name, x.Class, x.Replicas));
    }

    /// <summary>Removes the MachineDeployment pool named <paramref name="name"/>; true when there was one.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The pool name.</param>
    public static bool RemoveMachineDeploymentTopology(this V1Beta2.Cluster cluster, string name) =>
        Remove(cluster?.Spec?.Topology?.Workers?.MachineDeployments, name, static p => p.Name);

    /// <inheritdoc cref="RemoveMachineDeploymentTopology(V1Beta2.Cluster, string)"/>
    public static bool RemoveMachineDeploymentTopology(this V1Beta1.Cluster cluster, string name) =>
        Remove(cluster?.Spec?.Topology?.Workers?.MachineDeployments, name, static p => p.Name);

    /// <summary>Removes the MachinePool pool named <paramref name="name"/>; true when there was one.</summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="name">The pool name.</param>
    public static bool RemoveMachinePoolTopology(this V1Beta2.Cluster cluster, string name) =>
        Remove(cluster?.Spec?.Topology?.Workers?.MachinePools, name, static p => p.Name);

    /// <inheritdoc cref="RemoveMachinePoolTopology(V1Beta2.Cluster, string)"/>
    public static bool RemoveMachinePoolTopology(this V1Beta1.Cluster cluster, string name) =>
        Remove(cluster?.Spec?.Topology?.Workers?.MachinePools, name, static p => p.Name);

    private static IReadOnlyList<WorkerTopology> View<T>(IList<T>? pools, Func<T, WorkerTopology> view)
        where T : class =>
        pools is null ? [] : pools.Where(p => p is not null).Select(view).ToList();

    private static List<T> NewList<T>(IList<T>? ignored) => [];

    private static T Topology<T>(T? topology, string? cluster, WorkerTopology pool)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentException.ThrowIfNullOrEmpty(pool.Name);
        ArgumentException.ThrowIfNullOrEmpty(pool.Class);
        return topology ?? throw new InvalidOperationException($"Cluster '{cluster}' has no spec.topology: worker pools of a topology exist only on Clusters created from a ClusterClass; set spec.topology (class and version) first.");
    }

    private static bool Upsert<T>(IList<T> pools, WorkerTopology pool, Func<T, string?> nameOf, Func<T, (string? Class, int? Replicas)> valuesOf, Action<T, WorkerTopology> write)
        where T : class, new()
    {
        var existing = pools.FirstOrDefault(p => p is not null && string.Equals(nameOf(p), pool.Name, StringComparison.Ordinal));
        if (existing is not null && valuesOf(existing) == (pool.Class, pool.Replicas))
        {
            return false;
        }

        if (existing is null)
        {
            existing = new T();
            pools.Add(existing);
        }

        write(existing, pool);
        return true;
    }

    private static bool Remove<T>(IList<T>? pools, string name, Func<T, string?> nameOf)
        where T : class
    {
        var index = pools?.ToList().FindIndex(p => p is not null && string.Equals(nameOf(p), name, StringComparison.Ordinal)) ?? -1;
        if (index < 0)
        {
            return false;
        }

        pools!.RemoveAt(index);
        return true;
    }
}
