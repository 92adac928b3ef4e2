using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Apply;

/// <summary>Finds and removes the node a field path points at inside an object.</summary>
internal static class FieldNavigator
{
    public static bool TryGet(JsonObject root, string path, out JsonNode? value)
    {
        JsonNode? node = root;
        if (path.Length == 0)
        {
            value = node;
            return true;
        }
        foreach (var range in path.AsSpan().Split(FieldPath.Separator))
        {
            if (!TryStep(node, path.AsSpan()[range], out node, out _))
            {
                value = null;
                return false;
            }
        }
        value = node;
        return true;
    }

    /// <summary>
    /// Removes the node at <paramref name="path"/>. A list or map that this leaves empty is dropped from its parent
    /// object, as structured-merge-diff leaves it null and pruning then removes it.
    /// </summary>
    public static void Remove(JsonObject root, string path)
    {
        var segs = FieldPath.Segments(path);
        JsonNode? node = root;
        JsonObject? parent = null;
        string? parentKey = null;
        for (var i = 0; i < segs.Length - 1; i++)
        {
            var container = node;
            if (!TryStep(node, segs[i], out node, out _))
            {
                return;
            }
            (parent, parentKey) = container is JsonObject po && segs[i].StartsWith("f:", StringComparison.Ordinal) ? (po, segs[i][2..]) : (null, null);
        }
        var last = segs[^1];
        if (!TryStep(node, last, out _, out var index))
        {
            return;
        }
        switch (node)
        {
            case JsonObject o:
                o.Remove(last[2..]);
                if (o.Count == 0 && parent is not null && parent != root)
                {
                    parent.Remove(parentKey!);
                }
                break;
            case JsonArray a:
                a.RemoveAt(index);
                if (a.Count == 0 && parent is not null)
                {
                    parent.Remove(parentKey!);
                }
                break;
        }
    }

    private static bool TryStep(JsonNode? node, ReadOnlySpan<char> seg, out JsonNode? child, out int index)
    {
        index = -1;
        child = null;
        if (seg.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject o && o.TryGetPropertyValue(seg[2..].ToString(), out child);
        }
        if (node is not JsonArray a)
        {
            return false;
        }
        if (seg.StartsWith("k:", StringComparison.Ordinal))
        {
            var keys = JsonNode.Parse(seg[2..].ToString())!.AsObject();
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is JsonObject item && keys.All(k => JsonNode.DeepEquals(item[k.Key], k.Value)))
                {
                    child = item;
                    index = i;
                    return true;
                }
            }
            return false;
        }
        var wanted = JsonNode.Parse(seg[2..].ToString());
        for (var i = 0; i < a.Count; i++)
        {
            if (JsonNode.DeepEquals(a[i], wanted))
            {
                child = a[i];
                index = i;
                return true;
            }
        }
        return false;
    }
}
