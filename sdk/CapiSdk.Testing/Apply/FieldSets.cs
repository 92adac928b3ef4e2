using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Apply;

/// <summary>Computes the set of field paths an object sets, following the schema's list and map types.</summary>
internal static class FieldSets
{
    private static readonly JsonObject MetadataSchema = JsonNode.Parse("""
        {"type":"object","properties":{
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "annotations":{"type":"object","additionalProperties":{"type":"string"}},
          "finalizers":{"type":"array","items":{"type":"string"},"x-kubernetes-list-type":"set"},
          "ownerReferences":{"type":"array","items":{"type":"object"},"x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["uid"]}}}
        """)!.AsObject();

    private static readonly HashSet<string> TrackedMetadata = ["labels", "annotations", "finalizers", "ownerReferences"];

    public static HashSet<string> Of(JsonObject obj, JsonObject? schema, bool includeStatus)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" || (key == "status" && !includeStatus))
            {
                continue;
            }
            var path = "f:" + key;
            if (key == "metadata")
            {
                if (value is JsonObject meta)
                {
                    foreach (var (mk, mv) in meta)
                    {
                        if (TrackedMetadata.Contains(mk))
                        {
                            Walk(mv, SchemaNode.Property(MetadataSchema, mk), FieldPath.Child(path, "f:" + mk), set);
                        }
                    }
                }
                continue;
            }
            Walk(value, SchemaNode.Property(schema, key), path, set);
        }
        return set;
    }

    /// <summary>The paths under <c>f:status</c> only (what <see cref="Of"/> gives there), without walking the rest of the object.</summary>
    public static HashSet<string> OfStatus(JsonObject obj, JsonObject? schema)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (obj.TryGetPropertyValue("status", out var status))
        {
            Walk(status, SchemaNode.Property(schema, "status"), "f:status", set);
        }
        return set;
    }

    public static string ItemKey(JsonObject item, IReadOnlyList<string> keys)
    {
        var k = new JsonObject();
        foreach (var name in keys)
        {
            k[name] = item[name]?.DeepClone();
        }
        return "k:" + k.ToJsonString();
    }

    private static void Walk(JsonNode? node, JsonObject? schema, string path, HashSet<string> set)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0 && SchemaNode.MapType(schema) != "atomic":
                foreach (var (k, v) in o)
                {
                    Walk(v, SchemaNode.Property(schema, k), FieldPath.Child(path, "f:" + k), set);
                }
                break;
            case JsonArray a when SchemaNode.ListType(schema) == "map":
                var keys = SchemaNode.ListMapKeys(schema);
                var items = SchemaNode.Items(schema);
                foreach (var item in a.OfType<JsonObject>())
                {
                    var itemPath = FieldPath.Child(path, ItemKey(item, keys));
                    set.Add(itemPath);
                    foreach (var (k, v) in item)
                    {
                        Walk(v, SchemaNode.Property(items, k), FieldPath.Child(itemPath, "f:" + k), set);
                    }
                }
                break;
            case JsonArray a when SchemaNode.ListType(schema) == "set":
                foreach (var item in a)
                {
                    set.Add(FieldPath.Child(path, "v:" + (item?.ToJsonString() ?? "null")));
                }
                break;
            default:
                set.Add(path);
                break;
        }
    }
}
