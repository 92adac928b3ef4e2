using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Apply;

/// <summary>Merges an applied configuration into the live object by schema: granular maps merge, list-maps merge by key, sets union, atomic lists replace.</summary>
internal static class ApplyMerger
{
    /// <summary>Merges at the object root, where metadata follows ObjectMeta's own list types.</summary>
    public static void MergeRoot(JsonObject current, JsonObject applied, JsonObject? schema)
    {
        foreach (var (k, v) in applied)
        {
            var merged = Merge(current[k], v, k == "metadata" ? MetadataSchema : SchemaNode.Property(schema, k));
            current.Remove(k);
            current[k] = merged?.Parent is null ? merged : merged.DeepClone();
        }
    }

    public static JsonNode? Merge(JsonNode? current, JsonNode? applied, JsonObject? schema)
    {
        switch (applied)
        {
            case JsonObject ao when current is JsonObject co && SchemaNode.MapType(schema) != "atomic":
                foreach (var (k, v) in ao)
                {
                    var childSchema = SchemaNode.Property(schema, k);
                    var merged = Merge(co[k], v, childSchema);
                    co.Remove(k);
                    co[k] = merged;
                }
                return co;
            case JsonArray aa when current is JsonArray ca && SchemaNode.ListType(schema) == "map":
                {
                    var keys = SchemaNode.ListMapKeys(schema);
                    var result = new JsonArray(ca.Select(x => x?.DeepClone()).ToArray());
                    foreach (var item in aa.OfType<JsonObject>())
                    {
                        var key = FieldSets.ItemKey(item, keys);
                        var idx = result.Select((x, i) => (x, i)).FirstOrDefault(t => t.x is JsonObject xo && FieldSets.ItemKey(xo, keys) == key, (null, -1)).Item2;
                        if (idx >= 0)
                        {
                            var merged = Merge(result[idx], item, SchemaNode.Items(schema));
                            result[idx] = merged is null ? null : merged.Parent is null ? merged : merged.DeepClone();
                        }
                        else
                        {
                            result.Add(item.DeepClone());
                        }
                    }
                    return result;
                }
            case JsonArray aa when current is JsonArray ca && SchemaNode.ListType(schema) == "set":
                {
                    var result = new JsonArray(ca.Select(x => x?.DeepClone()).ToArray());
                    foreach (var item in aa)
                    {
                        if (!result.Any(x => JsonNode.DeepEquals(x, item)))
                        {
                            result.Add(item?.DeepClone());
                        }
                    }
                    return result;
                }
            default:
                return applied?.DeepClone();
        }
    }

    private static readonly JsonObject MetadataSchema = JsonNode.Parse("""
        {"type":"object","properties":{
          "finalizers":{"type":"array","items":{"type":"string"},"x-kubernetes-list-type":"set"},
          "ownerReferences":{"type":"array","items":{"type":"object"},"x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["uid"]}}}
        """)!.AsObject();
}
