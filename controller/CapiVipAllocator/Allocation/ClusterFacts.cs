using k8s;
using k8s.Models;

namespace CapiVipAllocator.Allocation;

/// <summary>
/// What the allocator needs to know about a Cluster, read the same way from cluster.x-k8s.io v1beta2 and v1beta1.
/// </summary>
internal sealed record ClusterFacts
{
    /// <summary>The object itself (events are recorded on it).</summary>
    public required IKubernetesObject<V1ObjectMeta> Object { get; init; }

    /// <summary>metadata.namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>metadata.name.</summary>
    public required string Name { get; init; }

    /// <summary>metadata.uid.</summary>
    public required string Uid { get; init; }

    /// <summary>metadata.resourceVersion.</summary>
    public required string ResourceVersion { get; init; }

    /// <summary>metadata.generation.</summary>
    public long Generation { get; init; }

    /// <summary>spec.paused or the cluster.x-k8s.io/paused annotation.</summary>
    public bool Paused { get; init; }

    /// <summary>metadata.deletionTimestamp is set.</summary>
    public bool Deleting { get; init; }

    /// <summary>The ClusterClass name (v1beta2 classRef.name, v1beta1 class); null without a topology.</summary>
    public string? ClassName { get; init; }

    /// <summary>The ClusterClass namespace (default: the Cluster's).</summary>
    public required string ClassNamespace { get; init; }

    /// <summary>spec.controlPlaneEndpoint.host (null or empty when unset).</summary>
    public string? Host { get; init; }

    /// <summary>spec.controlPlaneEndpoint.port (null or 0 when unset).</summary>
    public int? Port { get; init; }

    /// <summary>The VIP variable's value when it is a string; null when absent.</summary>
    public string? Variable { get; init; }

    /// <summary>metadata.annotations (never null).</summary>
    public required IDictionary<string, string> Annotations { get; init; }

    /// <summary>metadata.labels (never null).</summary>
    public required IDictionary<string, string> Labels { get; init; }

    /// <summary>This controller's condition as it is now, or null.</summary>
    public ConditionFacts? Condition { get; init; }

    /// <summary>The annotation value, or null.</summary>
    public string? Annotation(string key) => Annotations.TryGetValue(key, out var value) ? value : null;
}

/// <summary>The fields of a condition this controller compares before writing.</summary>
internal sealed record ConditionFacts(string Status, string Reason, string Message, long? ObservedGeneration, DateTimeOffset? LastTransitionTime);
