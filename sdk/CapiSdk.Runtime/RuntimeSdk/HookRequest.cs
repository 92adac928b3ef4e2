using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// What every hook request carries (Cluster API's <c>TypeMeta</c> and <c>CommonRequest</c>). Fields this SDK does not
/// know, such as ones a newer Cluster API adds, are kept in <see cref="ExtensionData"/>.
/// </summary>
public abstract class HookRequest
{
    /// <summary><c>apiVersion</c>: <c>hooks.runtime.cluster.x-k8s.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    /// <summary><c>kind</c>, e.g. <c>BeforeClusterCreateRequest</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>
    /// <c>settings</c>: the ExtensionConfig's <c>spec.settings</c> merged with the ClusterClass patch's settings
    /// (the latter win); null when there are none.
    /// </summary>
    [JsonPropertyName("settings")]
    public IDictionary<string, string>? Settings { get; set; }

    /// <summary>Fields of the request this type does not declare.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
