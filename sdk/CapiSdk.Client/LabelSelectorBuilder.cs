using System.Text.RegularExpressions;

namespace CapiSdk.Client;

/// <summary>
/// Builds a label selector string (<c>a=b,c in (d,e),!f</c>) with every operator the API server accepts, checking
/// keys and values so a typo fails here rather than as a 400 from the server.
/// </summary>
public sealed class LabelSelectorBuilder
{
    private readonly List<string> _requirements = new();

    /// <summary>Objects whose label <paramref name="key"/> equals <paramref name="value"/>.</summary>
    public LabelSelectorBuilder Equal(string key, string value) => Add(Key(key) + "=" + Value(value));

    /// <summary>Objects without label <paramref name="key"/>, or with another value.</summary>
    public LabelSelectorBuilder NotEqual(string key, string value) => Add(Key(key) + "!=" + Value(value));

    /// <summary>Objects whose label <paramref name="key"/> is one of <paramref name="values"/>.</summary>
    public LabelSelectorBuilder In(string key, params string[] values) => Add(Key(key) + " in (" + Values(values) + ")");

    /// <summary>Objects whose label <paramref name="key"/> is none of <paramref name="values"/> (or absent).</summary>
    public LabelSelectorBuilder NotIn(string key, params string[] values) => Add(Key(key) + " notin (" + Values(values) + ")");

    /// <summary>Objects that have label <paramref name="key"/>.</summary>
    public LabelSelectorBuilder Exists(string key) => Add(Key(key));

    /// <summary>Objects that do not have label <paramref name="key"/>.</summary>
    public LabelSelectorBuilder DoesNotExist(string key) => Add("!" + Key(key));

    /// <summary>Requires every label in <paramref name="labels"/>, as a <c>matchLabels</c> does.</summary>
    public LabelSelectorBuilder EqualAll(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels)
        {
            Equal(label.Key, label.Value);
        }

        return this;
    }

    /// <summary>The selector, requirements joined by commas (all must hold).</summary>
    public override string ToString() => string.Join(",", _requirements);

    private LabelSelectorBuilder Add(string requirement)
    {
        _requirements.Add(requirement);
        return this;
    }

    private static string Values(string[] values)
    {
        if (values is null || values.Length == 0)
        {
            throw new ArgumentException("A set-based requirement needs at least one value.", nameof(values));
        }

        var checkedValues = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            checkedValues[i] = Value(values[i]);
        }

        return string.Join(",", checkedValues);
    }

    // A key is [prefix/]name: prefix a DNS subdomain of at most 253 characters, name at most 63 characters of
    // alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric.
    private static string Key(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A label key cannot be empty.", nameof(key));
        }

        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key.Substring(slash + 1);
        if (slash >= 0 && (slash == 0 || slash > 253 || !Regex.IsMatch(key.Substring(0, slash), "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")))
        {
            throw new ArgumentException("'" + key + "' has an invalid prefix: use a lower-case DNS subdomain such as example.com.", nameof(key));
        }

        if (!IsName(name) || name.Length == 0)
        {
            throw new ArgumentException("'" + key + "' is not a valid label key: at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit.", nameof(key));
        }

        return key;
    }

    private static string Value(string value)
    {
        if (value is null || !IsName(value))
        {
            throw new ArgumentException("'" + value + "' is not a valid label value: at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or empty).", nameof(value));
        }

        return value;
    }

    private static bool IsName(string value) =>
        value.Length <= 63 && (value.Length == 0 || Regex.IsMatch(value, "^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"));
}
