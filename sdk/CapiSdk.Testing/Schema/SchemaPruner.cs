using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// Drops fields a structural schema does not declare (unless x-kubernetes-preserve-unknown-fields) and
/// nulls on non-nullable fields, as the apiextensions server does before defaulting. Reports each unknown path.
/// </summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> ObjectMetaFields =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    public static List<string> Prune(JsonObject obj, JsonObject schema)
    {
        var unknown = new List<string>();
        PruneObject(obj, schema, "", unknown, isRoot: true);
        return unknown;
    }

    private static void PruneNode(JsonNode? node, JsonObject? schema, string path, List<string> unknown)
    {
        switch (node)
        {
            case JsonObject o:
                PruneObject(o, schema, path, unknown, isRoot: false);
                break;
            case JsonArray a:
                var items = SchemaNode.Items(schema);
                for (var i = 0; i < a.Count; i++)
                {
                    PruneNode(a[i], items, $"{path}[{i}]", unknown);
                }
                break;
        }
    }

    private static void PruneObject(JsonObject o, JsonObject? schema, string path, List<string> unknown, bool isRoot)
    {
        if (schema is null)
        {
            return;
        }
        var keepUnknown = SchemaNode.AllowsUnknownKeys(schema) || schema["properties"] is null && schema["type"] is null;
        var embedded = isRoot || SchemaNode.IsEmbeddedResource(schema);
        foreach (var key in o.Select(p => p.Key).ToList())
        {
            var childPath = path.Length == 0 ? key : path + "." + key;
            if (embedded && key is "apiVersion" or "kind")
            {
                continue;
            }
            if (embedded && key == "metadata")
            {
                if (o[key] is JsonObject meta && isRoot)
                {
                    foreach (var mk in meta.Select(p => p.Key).Where(k => !ObjectMetaFields.Contains(k)).ToList())
                    {
                        meta.Remove(mk);
                        unknown.Add("metadata." + mk);
                    }
                }
                continue;
            }
            var known = SchemaNode.HasProperty(schema, key);
            if (!known && !keepUnknown)
            {
                o.Remove(key);
                unknown.Add(childPath);
                continue;
            }
            var childSchema = SchemaNode.Property(schema, key);
            if (o[key] is null && childSchema is not null && !SchemaNode.IsNullable(childSchema))
            {
                o.Remove(key);
                continue;
            }
            PruneNode(o[key], childSchema ?? (keepUnknown ? null : childSchema), childPath, unknown);
        }
    }
}
