using System.Text.Json.Nodes;

namespace CapiSdk.Tests.Kinds;

/// <summary>Edits a JSON object at a Kubernetes field path (<c>spec.a[0].b</c>, <c>spec.m[key]</c>), as the server's causes name them.</summary>
internal static class SamplePath
{
    /// <summary>Sets the value at the path when the sample has it.</summary>
    public static bool Set(JsonObject root, string field, string value)
    {
        var (chain, complete) = Walk(root, field);
        if (!complete || chain.Count == 0)
        {
            return false;
        }

        var (parent, last) = chain[^1];
        var current = parent is JsonObject o ? o[(string)last] : ((JsonArray)parent)[(int)last];
        if (current is not JsonValue || current.ToJsonString() == JsonValue.Create(value).ToJsonString())
        {
            return false;
        }

        if (parent is JsonObject obj)
        {
            obj[(string)last] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)last] = value;
        }

        return true;
    }

    /// <summary>
    /// Removes the node at the path; when the path names a field the sample lacks (a required one), removes the
    /// deepest node on the path that the sample has. Never the root's apiVersion, kind or metadata.
    /// </summary>
    public static bool Remove(JsonObject root, string field)
    {
        var (chain, _) = Walk(root, field);
        if (chain.Count == 0 || (chain.Count == 1 && chain[0].Segment is "metadata" or "apiVersion" or "kind"))
        {
            return false;
        }

        var (parent, last) = chain[^1];
        switch (parent, last)
        {
            case (JsonObject obj, string key):
                return obj.Remove(key);
            case (JsonArray array, int i):
                array.RemoveAt(i);
                return true;
            default:
                return false;
        }
    }

    private static (List<(JsonNode Parent, object Segment)> Chain, bool Complete) Walk(JsonObject root, string field)
    {
        var segments = Segments(field);
        var chain = new List<(JsonNode Parent, object Segment)>();
        JsonNode? node = root;
        foreach (var segment in segments)
        {
            JsonNode? child = null;
            var found = false;
            if (segment is int i && node is JsonArray array && i < array.Count)
            {
                (child, found) = (array[i], true);
            }
            else if (segment is string key && node is JsonObject obj)
            {
                found = obj.TryGetPropertyValue(key, out child);
            }

            if (!found)
            {
                return (chain, false);
            }

            chain.Add((node!, segment));
            node = child;
        }

        return (chain, true);
    }

    private static List<object> Segments(string field)
    {
        var segments = new List<object>();
        foreach (var part in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                var index = part[(bracket + 1)..close];
                segments.Add(int.TryParse(index, out var i) ? i : index.Trim('"'));
                bracket = part.IndexOf('[', close);
            }
        }

        return segments;
    }
}
