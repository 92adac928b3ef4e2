using System.Globalization;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// Validation ratcheting (on by default since Kubernetes 1.30): an error at a field whose value is unchanged from
/// the old object does not block an update. Values are correlated as the real server correlates them: through
/// object properties and map keys, and through <c>x-kubernetes-list-type: map</c> items by their keys; an item of
/// any other list is judged by its list.
/// </summary>
internal static class Correlation
{
    /// <summary>The old value matching <paramref name="item"/> of a list-type map, by its keys; null when there is none.</summary>
    public static JsonNode? OldMapItem(JsonObject? listSchema, JsonObject? item, JsonArray? oldList)
    {
        if (item is null || oldList is null)
        {
            return null;
        }
        var keys = SchemaNode.ListMapKeys(listSchema);
        var key = ListTypeValidator.KeyOf(item, keys);
        return oldList.OfType<JsonObject>().FirstOrDefault(o => JsonNode.DeepEquals(ListTypeValidator.KeyOf(o, keys), key));
    }

    /// <summary>True when the value at <paramref name="fieldPath"/> (or, inside a list that cannot be correlated, the list) is the same in both objects.</summary>
    public static bool Unchanged(JsonObject schema, JsonObject obj, JsonObject old, string fieldPath)
    {
        JsonObject? s = schema;
        JsonNode? cur = obj;
        JsonNode? prev = old;
        foreach (var segment in Segments(fieldPath))
        {
            if (segment.Index is { } index)
            {
                if (cur is not JsonArray list || index >= list.Count)
                {
                    return false;
                }
                if (SchemaNode.ListType(s) != "map")
                {
                    return JsonNode.DeepEquals(cur, prev);
                }
                var item = list[index];
                prev = OldMapItem(s, item as JsonObject, prev as JsonArray);
                if (prev is null)
                {
                    return false;
                }
                cur = item;
                s = SchemaNode.Items(s);
                continue;
            }
            if (cur is not JsonObject co || prev is not JsonObject po || !po.ContainsKey(segment.Name!))
            {
                return cur is JsonObject c2 && prev is JsonObject p2 && !c2.ContainsKey(segment.Name!) && !p2.ContainsKey(segment.Name!);
            }
            cur = co[segment.Name!];
            prev = po[segment.Name!];
            s = SchemaNode.Property(s, segment.Name!);
        }
        return JsonNode.DeepEquals(cur, prev);
    }

    /// <summary>The parent of a field path ("spec.a[0].b" → "spec.a[0]"): required-field errors belong to the object that lacks the field.</summary>
    public static string Parent(string fieldPath)
    {
        var cut = Math.Max(fieldPath.LastIndexOf('.'), fieldPath.LastIndexOf('['));
        return cut < 0 ? "" : fieldPath[..cut];
    }

    private static IEnumerable<(string? Name, int? Index)> Segments(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }
            if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    yield break;
                }
                var inside = path[(i + 1)..end];
                yield return int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (null, n) : (inside, null);
                i = end + 1;
                continue;
            }
            var stop = path.IndexOfAny(['.', '['], i);
            stop = stop < 0 ? path.Length : stop;
            yield return (path[i..stop], null);
            i = stop;
        }
    }
}
