using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>
/// Objects for the differential test: a mostly valid object built from a structural schema, and mutations of it, each
/// changing one value (wrong type, out of range, too long, not in the enum, too many items, null) or dropping a required field.
/// </summary>
internal static class SchemaSamples
{
    public static JsonNode? Valid(JsonObject? s, int depth = 0)
    {
        if (s is null || depth > 10)
        {
            return new JsonObject();
        }
        if (s["enum"] is JsonArray e && e.Count > 0)
        {
            return e[0]?.DeepClone();
        }
        if (s["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            return 1;
        }
        switch ((string?)s["type"])
        {
            case "object":
                var o = new JsonObject();
                if (s["properties"] is JsonObject props)
                {
                    foreach (var (name, p) in props)
                    {
                        o[name] = Valid(p as JsonObject, depth + 1);
                    }
                }
                else if (s["additionalProperties"] is JsonObject ap)
                {
                    o["key"] = Valid(ap, depth + 1);
                }
                return o;
            case "array":
                var a = new JsonArray();
                var count = Math.Max(1, Num(s["minItems"]) ?? 1);
                for (var i = 0; i < count; i++)
                {
                    a.Add(Valid(s["items"] as JsonObject, depth + 1));
                }
                return a;
            case "string":
                return (string?)s["format"] switch
                {
                    "date-time" => "2024-01-01T00:00:00Z",
                    "byte" => "YQ==",
                    _ => new string('a', Math.Max(1, Num(s["minLength"]) ?? 1)),
                };
            case "integer":
                return (long?)Num(s["minimum"]) ?? 1;
            case "number":
                return (double?)Num(s["minimum"]) ?? 1.5;
            case "boolean":
                return true;
            default:
                return new JsonObject();
        }
    }

    private static int? Num(JsonNode? n) =>
        n is null ? null : (int)decimal.Parse(n.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Copies of <paramref name="valid"/>, each with one change at one node, every <paramref name="stride"/>th node.</summary>
    public static IEnumerable<JsonObject> Mutations(JsonObject schema, JsonObject valid, int stride)
    {
        var sites = new List<(string[] Path, JsonObject? Schema)>();
        Collect(schema, valid, [], sites);
        for (var i = 0; i < sites.Count; i += stride)
        {
            var (path, s) = sites[i];
            foreach (var change in Changes(s))
            {
                var copy = valid.DeepClone().AsObject();
                Apply(copy, path, change);
                yield return copy;
            }
        }
    }

    private static IEnumerable<Func<JsonNode?, JsonNode?>> Changes(JsonObject? s)
    {
        yield return _ => null;
        yield return n => n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? 7 : "wrong";
        yield return _ => 2.5;
        yield return _ => new JsonArray("x", "x");
        if (s?["maxLength"] is { } max)
        {
            yield return _ => new string('b', Num(max)!.Value + 1);
        }
        if (s?["pattern"] is not null || s?["enum"] is not null)
        {
            yield return _ => "Not-Allowed value!";
        }
        if (s?["minimum"] is { } min)
        {
            yield return _ => Num(min)!.Value - 1;
        }
        if (s?["maximum"] is { } maxValue)
        {
            yield return _ => Num(maxValue)!.Value + 1;
        }
        if (s?["maxItems"] is { } maxItems)
        {
            yield return n => new JsonArray(Enumerable.Range(0, Num(maxItems)!.Value + 1).Select(_ => (n as JsonArray)?.FirstOrDefault()?.DeepClone()).ToArray());
        }
        if (s?["required"] is JsonArray required && required.Count > 0)
        {
            yield return n =>
            {
                var o = (n as JsonObject)?.DeepClone().AsObject() ?? [];
                o.Remove((string)required[0]!);
                return o;
            };
        }
    }

    private static void Collect(JsonObject? schema, JsonNode? node, string[] path, List<(string[], JsonObject?)> sites)
    {
        if (path.Length > 0 && path[0] != "metadata")
        {
            sites.Add((path, schema));
        }
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    Collect(CapiSdk.Testing.Schema.SchemaNode.Property(schema, k), v, [.. path, k], sites);
                }
                break;
            case JsonArray a when a.Count > 0:
                Collect(CapiSdk.Testing.Schema.SchemaNode.Items(schema), a[0], [.. path, "0"], sites);
                break;
        }
    }

    private static void Apply(JsonObject root, string[] path, Func<JsonNode?, JsonNode?> change)
    {
        JsonNode parent = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            parent = parent is JsonArray pa ? pa[int.Parse(path[i], System.Globalization.CultureInfo.InvariantCulture)]! : parent[path[i]]!;
        }
        var last = path[^1];
        if (parent is JsonArray arr)
        {
            var index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
            arr[index] = change(arr[index]?.DeepClone());
        }
        else
        {
            parent[last] = change(parent[last]?.DeepClone());
        }
    }
}
