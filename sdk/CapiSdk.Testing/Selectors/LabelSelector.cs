using System.Globalization;

namespace CapiSdk.Testing.Selectors;

/// <summary>
/// A parsed label selector in the string form the API accepts: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>,
/// <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, <c>a&gt;1</c>, <c>a&lt;1</c>, joined by commas.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(List<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.TrueForAll(r => r(labels));

    /// <exception cref="FormatException">The selector is malformed.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var reqs = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var raw in SplitTopLevel(text))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                throw new FormatException($"found '', expected: !, identifier, or 'end of string'");
            }
            reqs.Add(ParseRequirement(part));
        }
        return new LabelSelector(reqs);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part)
    {
        if (part.StartsWith('!'))
        {
            var key = CheckKey(part[1..].Trim());
            return l => !l.ContainsKey(key);
        }
        var lower = part;
        var inIdx = IndexOfWord(lower, " notin ");
        if (inIdx > 0)
        {
            var key = CheckKey(part[..inIdx].Trim());
            var values = ParseSet(part[(inIdx + 7)..]);
            return l => !l.TryGetValue(key, out var v) || !values.Contains(v);
        }
        inIdx = IndexOfWord(lower, " in ");
        if (inIdx > 0)
        {
            var key = CheckKey(part[..inIdx].Trim());
            var values = ParseSet(part[(inIdx + 4)..]);
            return l => l.TryGetValue(key, out var v) && values.Contains(v);
        }
        foreach (var op in new[] { "!=", "==", "=", ">", "<" })
        {
            var idx = part.IndexOf(op, StringComparison.Ordinal);
            if (idx <= 0)
            {
                continue;
            }
            var key = CheckKey(part[..idx].Trim());
            var value = part[(idx + op.Length)..].Trim();
            switch (op)
            {
                case "!=":
                    return l => !l.TryGetValue(key, out var v) || v != value;
                case "==" or "=":
                    return l => l.TryGetValue(key, out var v) && v == value;
                default:
                    if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound))
                    {
                        throw new FormatException($"for 'Gt', 'Lt' operators, the value must be an integer");
                    }
                    return op == ">"
                        ? l => l.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n > bound
                        : l => l.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n < bound;
            }
        }
        var exists = CheckKey(part);
        return l => l.ContainsKey(exists);
    }

    private static int IndexOfWord(string s, string word) => s.IndexOf(word, StringComparison.Ordinal);

    private static HashSet<string> ParseSet(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith('(') || !t.EndsWith(')'))
        {
            throw new FormatException($"found '{t}', expected: '('");
        }
        return t[1..^1].Split(',').Select(x => x.Trim()).ToHashSet(StringComparer.Ordinal);
    }

    private static string CheckKey(string key)
    {
        if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw new FormatException($"invalid label key \"{key}\"");
        }
        return key;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }
}
