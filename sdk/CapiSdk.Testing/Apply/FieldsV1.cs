using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Apply;

/// <summary>Converts a set of field paths to and from the FieldsV1 trie stored in metadata.managedFields.</summary>
internal static class FieldsV1
{
    public static JsonObject Write(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        var terminal = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        // The nodes of the previous path's segments (where each segment ends in it): a sorted path shares most of
        // them, so only its new segments are looked up or created (and only those allocate a key).
        var open = new List<(int End, JsonObject Node)>();
        var previous = "";
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var common = path.AsSpan().CommonPrefixLength(previous);
            while (open.Count > 0 && !(open[^1].End <= common && (open[^1].End == path.Length || path[open[^1].End] == FieldPath.Separator)))
            {
                open.RemoveAt(open.Count - 1);
            }
            var node = open.Count > 0 ? open[^1].Node : root;
            var start = open.Count > 0 ? open[^1].End + 1 : 0;
            while (start <= path.Length && path.Length > 0)
            {
                var end = path.IndexOf(FieldPath.Separator, start);
                end = end < 0 ? path.Length : end;
                var seg = path[start..end];
                if (node[seg] is not JsonObject next)
                {
                    next = new JsonObject();
                    node[seg] = next;
                }
                node = next;
                open.Add((end, node));
                start = end + 1;
            }
            terminal.Add(node);
            previous = path;
        }
        AddDots(root, terminal);
        return root;
    }

    private static void AddDots(JsonObject node, HashSet<JsonObject> terminal)
    {
        foreach (var (_, child) in node.ToList())
        {
            if (child is JsonObject c)
            {
                AddDots(c, terminal);
                if (c.Count > 0 && terminal.Contains(c) && !c.ContainsKey("."))
                {
                    c.Insert(0, ".", new JsonObject());
                }
            }
        }
    }

    public static HashSet<string> Read(JsonObject? fields)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (fields is not null)
        {
            Read(fields, "", set);
        }
        return set;
    }

    private static void Read(JsonObject node, string prefix, HashSet<string> set)
    {
        foreach (var (seg, child) in node)
        {
            if (seg == ".")
            {
                set.Add(prefix);
                continue;
            }
            var path = FieldPath.Child(prefix, seg);
            if (child is JsonObject c && c.Count > 0)
            {
                Read(c, path, set);
            }
            else
            {
                set.Add(path);
            }
        }
    }
}
