using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>
/// Builds a realistic object for a CRD version from its schema: every property filled with a value its schema
/// allows, and at every object level a field the schema does not know (as a newer CRD would write), plus enum
/// values the schema does not list. Deterministic: the same schema gives the same object.
/// </summary>
internal sealed class SampleFactory
{
    private const int MaxDepth = 24;
    private int _counter;

    public JsonObject CreateObject(string apiVersion, string kind, YamlMappingNode? schema, bool namespaced)
    {
        var root = schema is null ? new JsonObject() : (JsonObject)Sample(schema, 0)!;
        root.Remove("apiVersion");
        root.Remove("kind");
        root.Remove("metadata");
        var result = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = Metadata(namespaced),
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            result[key] = value;
        }

        return result;
    }

    private static JsonObject Metadata(bool namespaced)
    {
        var metadata = JsonNode.Parse("""
            {
              "name": "sample",
              "generateName": "sample-",
              "uid": "5f0c6c1e-8a5e-4c43-9d8f-0a0b0c0d0e0f",
              "resourceVersion": "12345",
              "generation": 3,
              "creationTimestamp": "2024-05-06T07:08:09Z",
              "labels": { "cluster.x-k8s.io/cluster-name": "prod", "app": "demo" },
              "annotations": { "example.com/note": "kept" },
              "finalizers": [ "example.com/finalizer" ],
              "ownerReferences": [ { "apiVersion": "cluster.x-k8s.io/v1beta2", "kind": "Cluster", "name": "prod", "uid": "11111111-2222-3333-4444-555555555555", "controller": true, "blockOwnerDeletion": true } ],
              "managedFields": [ { "manager": "capi", "operation": "Apply", "apiVersion": "cluster.x-k8s.io/v1beta2", "time": "2024-05-06T07:08:10Z", "fieldsType": "FieldsV1", "fieldsV1": { "f:spec": { "f:paused": {} } } } ]
            }
            """)!.AsObject();
        if (namespaced)
        {
            metadata["namespace"] = "default";
        }

        return metadata;
    }

    private JsonNode? Sample(YamlNode node, int depth)
    {
        if (node is not YamlMappingNode schema)
        {
            return JsonValue.Create("value");
        }

        _counter++;
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            return _counter % 2 == 0 ? JsonValue.Create(8080) : JsonValue.Create("50%");
        }

        if (Flag(schema, "x-kubernetes-embedded-resource"))
        {
            var embedded = Properties(schema, depth);
            embedded["apiVersion"] = "v1";
            embedded["kind"] = "ConfigMap";
            embedded["metadata"] = new JsonObject { ["name"] = "embedded", ["labels"] = new JsonObject { ["a"] = "b" } };
            embedded["data"] = new JsonObject { ["key"] = "value" };
            return embedded;
        }

        var type = String(schema, "type");
        if (type is null && schema.Children.ContainsKey("properties"))
        {
            type = "object";
        }

        switch (type)
        {
            case "object":
                if (depth >= MaxDepth)
                {
                    return new JsonObject();
                }

                if (schema.Children.TryGetValue("properties", out var properties) && properties is YamlMappingNode { Children.Count: > 0 })
                {
                    var result = Properties(schema, depth);
                    result["x-unknown-field-" + depth.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, 3.25) };
                    return result;
                }

                if (schema.Children.TryGetValue("additionalProperties", out var additional) && additional is YamlMappingNode valueSchema)
                {
                    return new JsonObject { ["first-key"] = Sample(valueSchema, depth + 1), ["second.key/x"] = Sample(valueSchema, depth + 1) };
                }

                return new JsonObject { ["free"] = new JsonObject { ["form"] = true, ["list"] = new JsonArray("a", 1) } };
            case "array":
                if (depth >= MaxDepth || !schema.Children.TryGetValue("items", out var items))
                {
                    return new JsonArray();
                }

                return new JsonArray(Sample(items, depth + 1), Sample(items, depth + 1));
            case "string":
                return JsonValue.Create(StringValue(schema));
            case "integer":
                return JsonValue.Create(IntegerValue(schema));
            case "number":
                return JsonValue.Create(1.5);
            case "boolean":
                return JsonValue.Create(_counter % 2 == 0);
            default:
                return new JsonObject { ["anything"] = new JsonArray("goes", 42, new JsonObject { ["deep"] = true }) };
        }
    }

    private JsonObject Properties(YamlMappingNode schema, int depth)
    {
        var result = new JsonObject();
        if (schema.Children.TryGetValue("properties", out var properties) && properties is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                result[name] = Sample(value, depth + 1);
            }
        }

        return result;
    }

    private string StringValue(YamlMappingNode schema)
    {
        if (schema.Children.TryGetValue("enum", out var values) && values is YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            // Every third enum carries a value the schema does not list, as a newer server would send.
            return _counter % 3 == 0 ? "ValueFromTheFuture" : ((YamlScalarNode)sequence.Children[_counter % sequence.Children.Count]).Value ?? string.Empty;
        }

        return String(schema, "format") switch
        {
            "date-time" => "2024-05-06T07:08:09Z",
            "int-or-string" => "25%",
            "byte" => "aGVsbG8=",
            _ => "sample-" + _counter.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static long IntegerValue(YamlMappingNode schema)
    {
        var minimum = String(schema, "minimum") is { } min ? long.Parse(min, CultureInfo.InvariantCulture) : 0;
        var maximum = String(schema, "maximum") is { } max ? long.Parse(max, CultureInfo.InvariantCulture) : long.MaxValue;
        return Math.Clamp(3, minimum, maximum);
    }

    private static string? String(YamlMappingNode schema, string key) =>
        schema.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static bool Flag(YamlMappingNode schema, string key) => String(schema, key) == "true";
}
