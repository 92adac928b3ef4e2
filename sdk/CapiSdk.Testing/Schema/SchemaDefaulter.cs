using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>Applies the <c>default</c> values of a structural schema to the fields that are absent, top-down, as the real server does.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject? schema)
    {
        if (schema is null)
        {
            return;
        }
        switch (node)
        {
            case JsonObject o:
                if (schema["properties"] is JsonObject props)
                {
                    foreach (var (name, propSchemaNode) in props)
                    {
                        if (propSchemaNode is JsonObject ps && !o.ContainsKey(name) && ps["default"] is { } def)
                        {
                            o[name] = def.DeepClone();
                        }
                    }
                }
                foreach (var (key, child) in o.ToList())
                {
                    if (schema["properties"] is JsonObject p2 && p2[key] is JsonObject childSchema)
                    {
                        Apply(child, childSchema);
                    }
                    else if (schema["additionalProperties"] is JsonObject ap)
                    {
                        Apply(child, ap);
                    }
                }
                break;
            case JsonArray a:
                var items = SchemaNode.Items(schema);
                foreach (var item in a)
                {
                    Apply(item, items);
                }
                break;
        }
    }
}
