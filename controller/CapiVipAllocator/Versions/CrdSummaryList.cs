using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Versions;

/// <summary>A list of <see cref="CrdSummary"/>.</summary>
internal sealed class CrdSummaryList : IKubernetesObject<V1ListMeta>, IItems<CrdSummary>
{
    /// <inheritdoc/>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    /// <inheritdoc/>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "CustomResourceDefinitionList";

    /// <inheritdoc/>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <inheritdoc/>
    [JsonPropertyName("items")]
    public IList<CrdSummary> Items { get; set; } = [];
}
