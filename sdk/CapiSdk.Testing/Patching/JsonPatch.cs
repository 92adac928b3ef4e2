using System.Globalization;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test, with RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var doc = document;
        foreach (var opNode in operations)
        {
            if (opNode is not JsonObject op)
            {
                throw new PatchException("invalid JSON patch: operation is not an object");
            }
            var kind = (string?)op["op"] ?? throw new PatchException("Unexpected kind: missing op");
            var path = (string?)op["path"] ?? throw new PatchException($"operation {kind} is missing path");
            switch (kind)
            {
                case "add":
                    doc = Add(doc, path, Value(op));
                    break;
                case "remove":
                    Remove(doc, path);
                    break;
                case "replace":
                    Remove(doc, path);
                    doc = Add(doc, path, Value(op));
                    break;
                case "move":
                    {
                        var from = (string?)op["from"] ?? throw new PatchException("move operation is missing from");
                        var value = Get(doc, from)?.DeepClone();
                        Remove(doc, from);
                        doc = Add(doc, path, value);
                        break;
                    }
                case "copy":
                    {
                        var from = (string?)op["from"] ?? throw new PatchException("copy operation is missing from");
                        doc = Add(doc, path, Get(doc, from)?.DeepClone());
                        break;
                    }
                case "test":
                    {
                        var actual = Get(doc, path);
                        if (!JsonNode.DeepEquals(actual, op["value"]))
                        {
                            throw new PatchException($"testing value {path} failed: test failed", isTestFailure: true);
                        }
                        break;
                    }
                default:
                    throw new PatchException($"Unexpected kind: {kind}");
            }
        }
        return doc;
    }

    private static JsonNode? Value(JsonObject op) =>
        op.TryGetPropertyValue("value", out var v) ? v?.DeepClone() : throw new PatchException("operation is missing value");

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (!pointer.StartsWith('/'))
        {
            throw new PatchException($"invalid JSON pointer: {pointer}");
        }
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Get(JsonNode doc, string pointer)
    {
        JsonNode? node = doc;
        foreach (var t in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(t, out var child) => child,
                JsonArray a when int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw new PatchException($"unable to find path {pointer}: doc is missing path"),
            };
        }
        return node;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode doc, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            throw new PatchException("cannot operate on the document root");
        }
        var parentPointer = tokens.Count == 1 ? "" : "/" + string.Join('/', tokens.Take(tokens.Count - 1).Select(t => t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        var parent = Get(doc, parentPointer) ?? throw new PatchException($"doc is missing path: {pointer}");
        return (parent, tokens[^1]);
    }

    private static JsonNode Add(JsonNode doc, string pointer, JsonNode? value)
    {
        if (pointer.Length == 0)
        {
            return value ?? throw new PatchException("cannot replace the document with null");
        }
        var (parent, last) = Parent(doc, pointer);
        switch (parent)
        {
            case JsonObject o:
                o.Remove(last);
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new PatchException($"add operation does not apply: doc is missing path: \"{pointer}\"");
        }
        return doc;
    }

    private static void Remove(JsonNode doc, string pointer)
    {
        var (parent, last) = Parent(doc, pointer);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw new PatchException($"remove operation does not apply: doc is missing path: \"{pointer}\"");
        }
    }
}
