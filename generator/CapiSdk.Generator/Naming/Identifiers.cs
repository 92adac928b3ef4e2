using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CapiSdk.Generator.Naming;

/// <summary>
/// Turns JSON names, group names and enum values into C# identifiers. The rules (documented in docs/naming.md):
/// split on every character that cannot appear in an identifier, upper-case the first letter of each part and
/// join; a leading digit gets a <c>_</c> prefix; an empty result becomes <c>Empty</c>; a keyword gets <c>@</c>.
/// </summary>
internal static class Identifiers
{
    /// <summary>PascalCase for property and type names: <c>foo-bar</c>, <c>foo_bar</c> and <c>foo.bar</c> all become <c>FooBar</c>.</summary>
    public static string ToPascal(string value) => Build(value, keepUnderscores: false);

    /// <summary>
    /// PascalCase for enum members, keeping underscores so that <c>foo-bar</c> (<c>FooBar</c>) and <c>foo_bar</c>
    /// (<c>Foo_bar</c>) stay distinct.
    /// </summary>
    public static string ToEnumMember(string value) => Build(value, keepUnderscores: true);

    /// <summary>A valid C# namespace from dot-separated parts, or null when a part has nothing usable.</summary>
    public static string? ToNamespace(string value)
    {
        var parts = value.Split('.');
        var result = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0 || !IsIdentifier(trimmed))
            {
                return null;
            }

            result.Add(trimmed);
        }

        return string.Join(".", result);
    }

    /// <summary>True when <paramref name="value"/> is a C# identifier and not a keyword.</summary>
    public static bool IsIdentifier(string value) =>
        SyntaxFacts.IsValidIdentifier(value) && SyntaxFacts.GetKeywordKind(value) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(value) == SyntaxKind.None;

    private static string Build(string value, bool keepUnderscores)
    {
        var builder = new StringBuilder(value.Length);
        var upperNext = true;
        foreach (var c in value)
        {
            if (c == '_' && keepUnderscores && builder.Length > 0)
            {
                builder.Append(c);
                upperNext = false;
                continue;
            }

            if (!IsIdentifierPart(c) || c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return "Empty";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        return SyntaxFacts.GetKeywordKind(result) == SyntaxKind.None ? result : "@" + result;
    }

    private static bool IsIdentifierPart(char c) => c < 128
        ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        : char.IsLetterOrDigit(c);
}
