using k8s.Models;
using Global = CapiSdk.Models.Ipam.Cluster.V1Alpha2.GlobalInClusterIPPool;
using Namespaced = CapiSdk.Models.Ipam.Cluster.V1Alpha2.InClusterIPPool;

namespace CapiVipAllocator.Allocation;

/// <summary>An IP pool as the selector sees it: kind, place, name, labels, annotations and free addresses.</summary>
internal sealed record PoolFacts(string Kind, string? Namespace, string Name, IDictionary<string, string> Labels, IDictionary<string, string> Annotations, long? Free)
{
    /// <summary>"Kind/name" or "Kind/namespace/name", for messages.</summary>
    public string Display => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    /// <summary>Facts of a GlobalInClusterIPPool.</summary>
    public static PoolFacts From(Global pool) =>
        new(Names.GlobalPoolKind, null, pool.Metadata.Name, LabelsOf(pool.Metadata), AnnotationsOf(pool.Metadata), pool.Status?.IpAddresses?.Free);

    /// <summary>Facts of an InClusterIPPool.</summary>
    public static PoolFacts From(Namespaced pool) =>
        new(Names.NamespacedPoolKind, pool.Metadata.NamespaceProperty, pool.Metadata.Name, LabelsOf(pool.Metadata), AnnotationsOf(pool.Metadata), pool.Status?.IpAddresses?.Free);

    private static IDictionary<string, string> LabelsOf(V1ObjectMeta meta) => meta.Labels ?? new Dictionary<string, string>();

    private static IDictionary<string, string> AnnotationsOf(V1ObjectMeta meta) => meta.Annotations ?? new Dictionary<string, string>();
}
