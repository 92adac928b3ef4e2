using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>One Kubernetes version of an upgrade plan (<c>UpgradeStep</c>).</summary>
public sealed class UpgradeStep
{
    /// <summary><c>version</c>, e.g. <c>v1.33.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Fields this type does not declare.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
