using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Http;

/// <summary>
/// The JSONPath of k8s.io/client-go/util/jsonpath that printer columns use, over JSON nodes: fields (<c>.a.b</c>,
/// <c>['a.b']</c>), indexes (<c>[0]</c>, <c>[-1]</c>, <c>[0,2]</c>), slices (<c>[1:3]</c>), wildcards (<c>.*</c>,
/// <c>[*]</c>), recursive descent (<c>..name</c>) and filters <c>[?(@.type=="Ready")]</c> with ==, !=, &lt;, &gt;,
/// &lt;=, &gt;= and exists (<c>[?(@.x)]</c>). Missing keys yield no results, as with AllowMissingKeys(true).
/// </summary>
internal static class JsonPath
{
    /// <summary>Every node the path selects, in document order.</summary>
    public static List<JsonNode> Evaluate(JsonNode root, string path)
    {
        var p = path.Trim();
        if (p.StartsWith('{') && p.EndsWith('}'))
        {
            p = p[1..^1].Trim();
        }
        if (p.StartsWith('$'))
        {
            p = p[1..];
        }
        var current = new List<JsonNode> { root };
        var i = 0;
        while (i < p.Length && current.Count > 0)
        {
            if (p[i] == '.' && i + 1 < p.Length && p[i + 1] == '.')
            {
                i += 2;
                var name = ReadName(p, ref i);
                current = current.SelectMany(Descendants).SelectMany(n => Child(n, name)).ToList();
            }
            else if (p[i] == '.')
            {
                i++;
                var name = ReadName(p, ref i);
                current = name.Length == 0 ? current : current.SelectMany(n => Child(n, name)).ToList();
            }
            else if (p[i] == '[')
            {
                var end = Close(p, i);
                var inner = p[(i + 1)..end].Trim();
                i = end + 1;
                current = current.SelectMany(n => Bracket(n, inner)).ToList();
            }
            else
            {
                var name = ReadName(p, ref i);
                current = current.SelectMany(n => Child(n, name)).ToList();
            }
        }
        return current;
    }

    private static string ReadName(string p, ref int i)
    {
        var start = i;
        while (i < p.Length && p[i] != '.' && p[i] != '[')
        {
            i++;
        }
        return p[start..i];
    }

    private static int Close(string p, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < p.Length; i++)
        {
            var c = p[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }
        throw new FormatException($"unterminated [ in JSONPath {p}");
    }

    private static IEnumerable<JsonNode> Child(JsonNode node, string name) => name switch
    {
        "*" => node switch
        {
            JsonObject o => o.Select(kv => kv.Value).OfType<JsonNode>(),
            JsonArray a => a.OfType<JsonNode>(),
            _ => [],
        },
        _ => node is JsonObject obj && obj[name] is { } child ? [child] : [],
    };

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(kv => kv.Value).OfType<JsonNode>(),
            JsonArray a => a.OfType<JsonNode>(),
            _ => [],
        };
        foreach (var d in children.SelectMany(Descendants))
        {
            yield return d;
        }
    }

    private static IEnumerable<JsonNode> Bracket(JsonNode node, string inner)
    {
        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            var items = node switch
            {
                JsonArray a => a.OfType<JsonNode>(),
                JsonObject o => o.Select(kv => kv.Value).OfType<JsonNode>(),
                _ => [],
            };
            var filter = inner[2..^1].Trim();
            return items.Where(item => Matches(item, filter)).ToList();
        }
        if (inner == "*")
        {
            return Child(node, "*");
        }
        if (inner.Length >= 2 && inner[0] is '\'' or '"')
        {
            return Child(node, inner[1..^1]);
        }
        if (node is not JsonArray array)
        {
            return [];
        }
        if (inner.Contains(':', StringComparison.Ordinal))
        {
            var parts = inner.Split(':');
            var from = Normalize(parts[0].Length == 0 ? 0 : Int(parts[0]), array.Count);
            var to = Normalize(parts.Length < 2 || parts[1].Length == 0 ? array.Count : Int(parts[1]), array.Count);
            return array.Skip(from).Take(Math.Max(0, to - from)).OfType<JsonNode>().ToList();
        }
        return inner.Split(',').Select(s => Int(s.Trim())).Select(x => x < 0 ? x + array.Count : x)
            .Where(x => x >= 0 && x < array.Count).Select(x => array[x]).OfType<JsonNode>().ToList();
    }

    private static int Normalize(int index, int count) => Math.Clamp(index < 0 ? index + count : index, 0, count);

    private static int Int(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">"];

    private static bool Matches(JsonNode item, string filter)
    {
        var (left, op, right) = Split(filter);
        var lefts = Operand(item, left);
        if (op is null)
        {
            return lefts.Count > 0;
        }
        var rights = Operand(item, right!);
        if (lefts.Count == 0 || rights.Count == 0)
        {
            return false;
        }
        var l = lefts[0];
        var r = rights[0];
        if (Number(l) is { } ln && Number(r) is { } rn)
        {
            return op switch { "==" => ln == rn, "!=" => ln != rn, "<" => ln < rn, ">" => ln > rn, "<=" => ln <= rn, _ => ln >= rn };
        }
        var ls = Text(l);
        var rs = Text(r);
        var cmp = string.CompareOrdinal(ls, rs);
        return op switch { "==" => cmp == 0, "!=" => cmp != 0, "<" => cmp < 0, ">" => cmp > 0, "<=" => cmp <= 0, _ => cmp >= 0 };
    }

    private static (string Left, string? Op, string? Right) Split(string filter)
    {
        char? quote = null;
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                continue;
            }
            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(filter, i, op, 0, op.Length) == 0)
                {
                    return (filter[..i].Trim(), op, filter[(i + op.Length)..].Trim());
                }
            }
        }
        return (filter.Trim(), null, null);
    }

    private static List<JsonNode> Operand(JsonNode item, string operand)
    {
        if (operand.StartsWith('@'))
        {
            return Evaluate(item, operand[1..]);
        }
        if (operand.Length >= 2 && operand[0] is '\'' or '"')
        {
            return [JsonValue.Create(operand[1..^1])];
        }
        if (double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return [JsonValue.Create(d)];
        }
        return operand is "true" or "false" ? [JsonValue.Create(operand == "true")] : [JsonValue.Create(operand)];
    }

    private static double? Number(JsonNode n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : null;

    /// <summary>A node as jsonpath prints it: strings raw, other scalars as JSON text, objects and arrays as compact JSON.</summary>
    public static string Text(JsonNode n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n.ToJsonString();
}
