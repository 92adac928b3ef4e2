using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema.Cel;

/// <summary>Turns JSON into the values the CEL library evaluates: strings, int64, double, bool, null, lists and string-keyed maps.</summary>
internal static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => From(p.Value)),
        JsonArray a => a.Select(From).ToArray(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => (string?)node,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when node.AsValue().TryGetValue<long>(out var l) => l,
            JsonValueKind.Number => node.GetValue<double>(),
            _ => null,
        },
    };
}
