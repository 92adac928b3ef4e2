using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>A lifecycle hook request about one Cluster.</summary>
public abstract class ClusterHookRequest : HookRequest
{
    /// <summary>
    /// <c>cluster</c>: the Cluster the call is about, as Cluster API sent it (its <c>cluster.x-k8s.io</c> version
    /// depends on the Cluster API release: <c>v1beta1</c> up to 1.10, <c>v1beta2</c> later), so it stays JSON.
    /// </summary>
    [JsonPropertyName("cluster")]
    public JsonObject? Cluster { get; set; }

    /// <summary>The Cluster's <c>metadata.namespace</c>, or null.</summary>
    [JsonIgnore]
    public string? ClusterNamespace => Cluster?["metadata"]?["namespace"]?.GetValue<string>();

    /// <summary>The Cluster's <c>metadata.name</c>, or null.</summary>
    [JsonIgnore]
    public string? ClusterName => Cluster?["metadata"]?["name"]?.GetValue<string>();
}
