namespace CapiSdk.Testing.Selectors;

/// <summary>A field selector on <c>metadata.name</c> and <c>metadata.namespace</c> with <c>=</c>, <c>==</c> and <c>!=</c>, as custom resources support.</summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(List<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(string ns, string name) => _terms.TrueForAll(t =>
    {
        var actual = t.Field == "metadata.name" ? name : ns;
        return (actual == t.Value) == t.Equal;
    });

    /// <exception cref="FormatException">The selector is malformed or names an unsupported field.</exception>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, bool, string)>();
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
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                throw new FormatException($"field label not supported: {field}");
            }
            terms.Add((field, op != "!=", p[(idx + op.Length)..].Trim()));
        }
        return new FieldSelector(terms);
    }
}
