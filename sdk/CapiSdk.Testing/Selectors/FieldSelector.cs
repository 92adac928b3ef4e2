using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Selectors;

/// <summary>
/// A field selector with <c>=</c>, <c>==</c> and <c>!=</c> terms on <c>metadata.name</c>, <c>metadata.namespace</c>
/// and the fields the resource declares selectable (a CRD version's selectableFields, an Event's involvedObject.*).
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, string[]? Path, bool Equal, string Value)> _terms;

    private FieldSelector(List<(string, string[]?, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Only metadata.name and metadata.namespace: for callers without an object at hand.</summary>
    public bool Matches(string ns, string name) => _terms.TrueForAll(t => t.Path is not null || ((t.Field == "metadata.name" ? name : ns) == t.Value) == t.Equal);

    public bool Matches(StoredObject o)
    {
        JsonNode? node = null;
        foreach (var t in _terms)
        {
            string actual;
            if (t.Path is null)
            {
                actual = t.Field == "metadata.name" ? o.Name : o.Namespace;
            }
            else
            {
                node ??= JsonNode.Parse(o.Json);
                actual = ValueAt(node, t.Path);
            }
            if ((actual == t.Value) != t.Equal)
            {
                return false;
            }
        }
        return true;
    }

    /// <exception cref="FormatException">The selector is malformed or names an unsupported field.</exception>
    public static FieldSelector Parse(string? text, IReadOnlyDictionary<string, string>? selectable = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, string[]?, bool, string)>();
        foreach (var part in text.Split(','))
        {
            var p = part.Trim();
            var (op, idx) = p.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? ("!=", ne)
                : p.IndexOf("==", StringComparison.Ordinal) is var ee and > 0 ? ("==", ee)
                : ("=", p.IndexOf('=', StringComparison.Ordinal));
            if (idx <= 0)
            {
                throw new FormatException($"invalid selector: '{text}'; can't understand '{p}'");
            }
            var field = p[..idx].Trim();
            string[]? path = null;
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                if (selectable is null || !selectable.TryGetValue(field, out var jsonPath))
                {
                    throw new FormatException($"field label not supported: {field}");
                }
                path = jsonPath.TrimStart('.').Split('.');
            }
            terms.Add((field, path, op != "!=", p[(idx + op.Length)..].Trim()));
        }
        return new FieldSelector(terms);
    }

    private static string ValueAt(JsonNode? node, string[] path)
    {
        foreach (var segment in path)
        {
            node = (node as JsonObject)?[segment];
        }
        return node switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }
}
