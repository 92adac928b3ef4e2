using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// Converts a Kubernetes structural schema (OpenAPI v3 subset with x-kubernetes-* extensions) into plain
/// JSON Schema for NJsonSchema: <c>nullable</c> becomes a null type, <c>x-kubernetes-int-or-string</c> becomes
/// anyOf integer|string, and Kubernetes-only keywords are removed.
/// </summary>
internal static class SchemaConverter
{
    public static JsonObject ToJsonSchema(JsonObject structural)
    {
        var copy = structural.DeepClone().AsObject();
        Convert(copy);
        return copy;
    }

    private static void Convert(JsonObject s)
    {
        var intOrString = s["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var nullable = s["nullable"]?.GetValue<bool>() == true;
        foreach (var key in s.Select(p => p.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal) || k is "nullable" or "default" or "example" or "externalDocs").ToList())
        {
            s.Remove(key);
        }
        if (intOrString)
        {
            s.Remove("type");
            s.Remove("anyOf");
            s["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }
        if (nullable)
        {
            if (s["type"] is JsonValue t)
            {
                s["type"] = new JsonArray((string?)t, "null");
            }
            else if (s["anyOf"] is JsonArray any)
            {
                any.Add(new JsonObject { ["type"] = "null" });
            }
            if (s["enum"] is JsonArray e && !e.Any(x => x is null))
            {
                e.Add(null);
            }
        }
        if (s["format"] is JsonValue f && (string?)f is not ("date-time" or "date" or "email" or "hostname" or "ipv4" or "ipv6" or "uri" or "uuid" or "byte"))
        {
            s.Remove("format");
        }
        if (s["properties"] is JsonObject props)
        {
            foreach (var (_, p) in props)
            {
                if (p is JsonObject po)
                {
                    Convert(po);
                }
            }
        }
        if (s["items"] is JsonObject items)
        {
            Convert(items);
        }
        if (s["additionalProperties"] is JsonObject ap)
        {
            Convert(ap);
        }
        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (s[combinator] is JsonArray arr)
            {
                foreach (var c in arr.OfType<JsonObject>())
                {
                    Convert(c);
                }
            }
        }
        if (s["not"] is JsonObject not)
        {
            Convert(not);
        }
    }
}
