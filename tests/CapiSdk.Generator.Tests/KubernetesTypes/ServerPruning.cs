using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>
/// Makes a sample object one the API server could return: fields the schema does not know are pruned (except where
/// the schema keeps unknown fields), as the server prunes them, and a value that breaks the schema's pattern for an
/// int-or-string (a quantity) is replaced by one that matches.
/// </summary>
internal static class ServerPruning
{
    private static readonly string[] Quantities = { "1500m", "2", "1.5Gi", "0.5" };

    public static JsonNode? Prune(JsonNode? value, YamlMappingNode? schema)
    {
        if (schema is null || value is null)
        {
            return value;
        }

        if (Flag(schema, "x-kubernetes-int-or-string") && Scalar(schema, "pattern") is { } pattern && !Regex.IsMatch(value.ToJsonString().Trim('"'), pattern))
        {
            return JsonValue.Create(Quantities[Math.Abs(value.ToJsonString().Length) % Quantities.Length]);
        }

        switch (value)
        {
            case JsonObject obj when schema.Children.TryGetValue("properties", out var properties) && properties is YamlMappingNode known:
                foreach (var (key, child) in obj.ToList())
                {
                    if (known.Children.TryGetValue(key, out var childSchema))
                    {
                        Replace(obj, key, child, childSchema as YamlMappingNode);
                    }
                    else if (!Flag(schema, "x-kubernetes-preserve-unknown-fields") && key is not ("apiVersion" or "kind" or "metadata"))
                    {
                        obj.Remove(key);
                    }
                }

                return obj;
            case JsonObject map when schema.Children.TryGetValue("additionalProperties", out var values) && values is YamlMappingNode valueSchema:
                foreach (var (key, child) in map.ToList())
                {
                    Replace(map, key, child, valueSchema);
                }

                return map;
            case JsonArray array when schema.Children.TryGetValue("items", out var items) && items is YamlMappingNode itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    var pruned = Prune(array[i], itemSchema);
                    if (!ReferenceEquals(pruned, array[i]))
                    {
                        array[i] = pruned?.DeepClone();
                    }
                }

                return array;
            default:
                return value;
        }
    }

    private static void Replace(JsonObject parent, string key, JsonNode? child, YamlMappingNode? schema)
    {
        var pruned = Prune(child, schema);
        if (!ReferenceEquals(pruned, child))
        {
            parent[key] = pruned?.DeepClone();
        }
    }

    private static string? Scalar(YamlMappingNode schema, string key) =>
        schema.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static bool Flag(YamlMappingNode schema, string key) => Scalar(schema, key) == "true";
}
