using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>Small helpers over System.Text.Json nodes.</summary>
internal static class JsonNodeExtensions
{
    public static bool DeepEqualsOrNull(this JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
