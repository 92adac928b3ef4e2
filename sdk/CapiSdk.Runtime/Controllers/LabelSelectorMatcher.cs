namespace CapiSdk.Runtime.Controllers;

/// <summary>A parsed label selector string, matched against labels.</summary>
internal sealed class LabelSelectorMatcher
{
    private readonly List<Func<IDictionary<string, string>?, bool>> _terms;

    private LabelSelectorMatcher(List<Func<IDictionary<string, string>?, bool>> terms) => _terms = terms;

    public static LabelSelectorMatcher Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var terms = new List<Func<IDictionary<string, string>?, bool>>();
        foreach (var raw in Split(selector))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            terms.Add(ParseTerm(term));
        }

        return new LabelSelectorMatcher(terms);
    }

    public bool Matches(IDictionary<string, string>? labels) => _terms.TrueForAll(t => t(labels));

    private static Func<IDictionary<string, string>?, bool> ParseTerm(string term)
    {
        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return labels => labels is null || !labels.ContainsKey(key);
        }

        var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0)
        {
            var (key, value) = (term[..notEqual].Trim(), term[(notEqual + 2)..].Trim());
            return labels => labels is null || !labels.TryGetValue(key, out var v) || v != value;
        }

        var equal = term.IndexOf('=', StringComparison.Ordinal);
        if (equal > 0)
        {
            var key = term[..equal].Trim();
            var value = term[(equal + (term.AsSpan(equal).StartsWith("==") ? 2 : 1))..].Trim();
            return labels => labels is not null && labels.TryGetValue(key, out var v) && v == value;
        }

        var open = term.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && term.EndsWith(')'))
        {
            var words = term[..open].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var set = term[(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            if (words is [var key, "in"])
            {
                return labels => labels is not null && labels.TryGetValue(key, out var v) && set.Contains(v);
            }

            if (words is [var key2, "notin"])
            {
                return labels => labels is null || !labels.TryGetValue(key2, out var v) || !set.Contains(v);
            }

            throw new FormatException("Cannot read the label selector term '" + term + "'.");
        }

        if (term.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException("Cannot read the label selector term '" + term + "'.");
        }

        return labels => labels is not null && labels.ContainsKey(term);
    }

    private static IEnumerable<string> Split(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            switch (selector[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return selector[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return selector[start..];
    }
}
