using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Client;
using k8s;
using k8s.Models;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiVipAllocator.Allocation;

/// <summary>Reads <see cref="ClusterFacts"/> from either Cluster API version.</summary>
internal static class ClusterFactsReader
{
    /// <summary>Facts of a v1beta2 Cluster.</summary>
    public static ClusterFacts Read(V1Beta2.Cluster cluster, string variableName) => Common(cluster) with
    {
        Paused = cluster.Spec?.Paused == true || IsPausedByAnnotation(cluster),
        ClassName = NullIfEmpty(cluster.Spec?.Topology?.ClassRef?.Name),
        ClassNamespace = NullIfEmpty(cluster.Spec?.Topology?.ClassRef?.Namespace) ?? cluster.Metadata.NamespaceProperty,
        Host = cluster.Spec?.ControlPlaneEndpoint?.Host,
        Port = cluster.Spec?.ControlPlaneEndpoint?.Port,
        Variable = AsString(cluster.Spec?.Topology?.Variables?.FirstOrDefault(v => v.Name == variableName)?.Value),
        Condition = Condition(cluster.Status?.Conditions),
    };

    /// <summary>Facts of a v1beta1 Cluster (its condition lives in status.v1beta2.conditions).</summary>
    public static ClusterFacts Read(V1Beta1.Cluster cluster, string variableName) => Common(cluster) with
    {
        Paused = cluster.Spec?.Paused == true || IsPausedByAnnotation(cluster),
        ClassName = NullIfEmpty(cluster.Spec?.Topology?.Class),
        ClassNamespace = NullIfEmpty(cluster.Spec?.Topology?.ClassNamespace) ?? cluster.Metadata.NamespaceProperty,
        Host = cluster.Spec?.ControlPlaneEndpoint?.Host,
        Port = cluster.Spec?.ControlPlaneEndpoint?.Port,
        Variable = AsString(cluster.Spec?.Topology?.Variables?.FirstOrDefault(v => v.Name == variableName)?.Value),
        Condition = Condition(cluster.Status?.V1beta2?.Conditions),
    };

    private static ClusterFacts Common(IKubernetesObject<V1ObjectMeta> cluster) => new()
    {
        Object = cluster,
        Namespace = cluster.Metadata.NamespaceProperty,
        Name = cluster.Metadata.Name,
        Uid = cluster.Metadata.Uid ?? "",
        ResourceVersion = cluster.Metadata.ResourceVersion ?? "",
        Generation = cluster.Metadata.Generation ?? 0,
        Deleting = cluster.Metadata.DeletionTimestamp is not null,
        ClassNamespace = cluster.Metadata.NamespaceProperty,
        Annotations = cluster.Metadata.Annotations ?? new Dictionary<string, string>(),
        Labels = cluster.Metadata.Labels ?? new Dictionary<string, string>(),
    };

    private static bool IsPausedByAnnotation(IKubernetesObject<V1ObjectMeta> cluster) =>
        cluster.Metadata.Annotations?.ContainsKey(Names.PausedAnnotation) == true;

    private static ConditionFacts? Condition<T>(IEnumerable<T>? conditions)
        where T : class, IKubernetesCondition =>
        conditions?.FirstOrDefault(c => c.Type == Names.ConditionType) is { } c
            ? new ConditionFacts(c.Status ?? "", c.Reason ?? "", c.Message ?? "", c.ObservedGeneration, c.LastTransitionTime)
            : null;

    private static string? AsString(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
