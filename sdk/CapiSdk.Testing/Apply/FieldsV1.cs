using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Apply;

/// <summary>Converts a set of field paths to and from the FieldsV1 trie stored in metadata.managedFields.</summary>
internal static class FieldsV1
{
    public static JsonObject Write(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        var terminal = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var seg in FieldPath.Segments(path))
            {
                if (node[seg] is not JsonObject next)
                {
                    next = new JsonObject();
                    node[seg] = next;
                }
                node = next;
            }
            terminal.Add(node);
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
