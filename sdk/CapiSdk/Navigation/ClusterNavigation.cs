using System.Runtime.CompilerServices;
using CapiSdk.Client;
using CapiSdk.Models;
using k8s;
using k8s.Models;

namespace CapiSdk.Navigation;

/// <summary>
/// From an object to its Cluster and back, by the <c>cluster.x-k8s.io/cluster-name</c> label Cluster API puts on
/// every object of a cluster (Machines, MachineSets, MachineDeployments, MachinePools, control planes, …).
/// Work with any kind and version: pass the typed client of the kind you want.
/// </summary>
public static class ClusterNavigation
{
    /// <summary>The label that names an object's Cluster (same namespace).</summary>
    public const string ClusterNameLabel = "cluster.x-k8s.io/cluster-name";

    /// <summary>The name of the Cluster <paramref name="value"/> belongs to (its cluster-name label), or null.</summary>
    /// <param name="value">Any object of a cluster.</param>
    public static string? GetClusterName(this IKubernetesObject<V1ObjectMeta> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Metadata?.Labels is { } labels && labels.TryGetValue(ClusterNameLabel, out var name) && name.Length > 0 ? name : null;
    }

    /// <summary>The Cluster <paramref name="value"/> belongs to: a Machine's, a MachineDeployment's, …</summary>
    /// <param name="value">Any object with the cluster-name label.</param>
    /// <param name="clusters">The client of the Cluster version to read (for example <c>new ClusterClient(kubernetes)</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException">The object has no cluster-name label.</exception>
    /// <exception cref="KubernetesNotFoundException">The label names a Cluster that does not exist.</exception>
    public static Task<TCluster> GetClusterAsync<TCluster>(this IKubernetesObject<V1ObjectMeta> value, IResourceClient<TCluster> clusters, CancellationToken cancellationToken = default)
        where TCluster : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var name = value.GetClusterName()
            ?? throw new InvalidOperationException($"{value.Kind} {value.Metadata?.NamespaceProperty}/{value.Metadata?.Name} has no {ClusterNameLabel} label, so its Cluster is unknown; Cluster API sets the label on the objects it manages, set it yourself on objects you create.");
        return clusters.GetAsync(value.Metadata?.NamespaceProperty, name, cancellationToken);
    }

    /// <summary>
    /// The objects of one kind that belong to <paramref name="cluster"/>: its MachineDeployments, MachineSets, Machines,
    /// MachinePools, … (those in its namespace whose cluster-name label is its name), every page.
    /// </summary>
    /// <param name="cluster">The Cluster (any version).</param>
    /// <param name="client">The client of the kind to list.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async IAsyncEnumerable<T> ListClusterObjectsAsync<T>(this IKubernetesObject<V1ObjectMeta> cluster, IResourceClient<T> client, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(client);
        var name = cluster.Metadata?.Name ?? throw new ArgumentException("The Cluster has no metadata.name.", nameof(cluster));
        var selector = new LabelSelectorBuilder().Equal(ClusterNameLabel, name).ToString();
        await foreach (var item in client.ListAllAsync(cluster.Metadata.NamespaceProperty, new ListOptions { LabelSelector = selector }, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
