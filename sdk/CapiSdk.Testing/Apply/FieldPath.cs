namespace CapiSdk.Testing.Apply;

/// <summary>
/// A field path in managedFields notation, stored as its segments joined by a unit separator:
/// <c>f:name</c> for an object field, <c>k:{"name":"x"}</c> for a list-map item, <c>v:"x"</c> for a set item.
/// </summary>
internal static class FieldPath
{
    public const char Separator = '\u001f';

    public static string Child(string parent, string segment) => parent.Length == 0 ? segment : parent + Separator + segment;

    public static string[] Segments(string path) => path.Length == 0 ? [] : path.Split(Separator);

    public static bool IsUnder(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + Separator, StringComparison.Ordinal);

    /// <summary>The dotted form used in conflict messages, e.g. <c>.spec.ports[name="http"].port</c>.</summary>
    public static string Display(string path)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var s in Segments(path))
        {
            if (s.StartsWith("f:", StringComparison.Ordinal))
            {
                sb.Append('.').Append(s.AsSpan(2));
            }
            else if (s.StartsWith("k:", StringComparison.Ordinal))
            {
                var keys = System.Text.Json.Nodes.JsonNode.Parse(s[2..])!.AsObject();
                sb.Append('[').Append(string.Join(",", keys.Select(k => $"{k.Key}={k.Value?.ToJsonString()}"))).Append(']');
            }
            else
            {
                sb.Append("[=").Append(s[2..]).Append(']');
            }
        }
        return sb.ToString();
    }
}
