using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Versions;

/// <summary>
/// A CustomResourceDefinition as far as this controller reads it: its name and <c>spec</c> (for
/// <c>spec.versions[].name</c> and <c>.served</c>). Read-only: the controller never writes CRDs.
/// </summary>
internal sealed class CrdSummary : IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "CustomResourceDefinition";

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The CRD's spec, as sent.</summary>
    [JsonPropertyName("spec")]
    public JsonObject? Spec { get; set; }

    /// <summary>The names of the versions the CRD serves (<c>served: true</c>).</summary>
    public IReadOnlyList<string> Served() =>
        Spec?["versions"] is JsonArray versions
            ? [.. versions.OfType<JsonObject>().Where(v => v["served"] is JsonValue s && s.TryGetValue(out bool served) && served)
                .Select(v => (string?)v["name"]).OfType<string>()]
            : [];
}
