using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>
/// Reads generated models back from their C# source, independently of the generator's own shape keys: a type's
/// structure is its properties (JSON name, C# name, C# type with every generated type replaced by its own
/// structure) and the wire facts its docs state (required, allowed values, format, nullable, list/map markers,
/// preserved unknown fields); an enum's is its values. Kinds, lists and clients are not models here.
/// </summary>
internal sealed partial class ShapeCensus
{
    private static readonly string[] ShapeFacts = { "Required.", "Allowed values: ", "Format: ", "Nullable.", "List type: ", "Map type: ", "Unknown fields are preserved" };
    private readonly Dictionary<string, TypeDeclarationSyntax> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _structures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _kindOwn = new(StringComparer.Ordinal);

    public ShapeCensus(GeneratorRun run)
    {
        foreach (var source in run.Sources.Where(s => !s.HintName.StartsWith("CapiSdk.", StringComparison.Ordinal) && !s.HintName.EndsWith("CrdJsonContext.g.cs", StringComparison.Ordinal)))
        {
            var root = CSharpSyntaxTree.ParseText(source.SourceText).GetRoot();
            foreach (var ns in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                foreach (var type in ns.Members.OfType<TypeDeclarationSyntax>().Where(IsModel))
                {
                    _types["global::" + ns.Name + "." + type.Identifier.Text] = type;
                }

                // A kind's own spec and status types are never shared with another kind (docs/naming.md).
                foreach (var kind in ns.Members.OfType<TypeDeclarationSyntax>().Where(t => !IsModel(t)))
                {
                    foreach (var property in kind.Members.OfType<PropertyDeclarationSyntax>().Where(p => Json(p) is "\"spec\"" or "\"status\""))
                    {
                        var type = property.Type.ToString().TrimEnd('?');
                        _kindOwn.Add(type.StartsWith("global::", StringComparison.Ordinal) ? type : "global::" + ns.Name + "." + type);
                    }
                }
            }
        }
    }

    /// <summary>Every generated model type, by full name (<c>global::Ns.Name</c>).</summary>
    public IReadOnlyCollection<string> Types => _types.Keys;

    /// <summary>Groups of two or more types of one namespace with one structure (a kind's own spec and status aside).</summary>
    public IEnumerable<IReadOnlyList<string>> Duplicates() =>
        _types.Keys.Where(t => !_kindOwn.Contains(t)).GroupBy(t => (Namespace(t), Structure(t))).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<string>)g.OrderBy(n => n, StringComparer.Ordinal).ToList());

    /// <summary>A line of figures: how many model types, and the longest simple names.</summary>
    public string Figures()
    {
        var names = _types.Keys.Select(t => t[(t.LastIndexOf('.') + 1)..]).ToList();
        var longest = names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Take(5);
        return names.Count + " model types; " + names.Count(n => n.Length >= 50) + " names of 50+ characters; longest: " + string.Join(", ", longest.Select(n => n + " (" + n.Length + ")"));
    }

    private static bool IsModel(TypeDeclarationSyntax type) =>
        !type.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString().EndsWith("KubernetesEntity", StringComparison.Ordinal))
        && (type is StructDeclarationSyntax || type.Members.OfType<PropertyDeclarationSyntax>().Any(p => Json(p) is not null));

    private static string Namespace(string fullName) => fullName[..fullName.LastIndexOf('.')];

    private string Structure(string fullName)
    {
        if (_structures.TryGetValue(fullName, out var known))
        {
            return known;
        }

        var type = _types[fullName];
        var text = new StringBuilder(type is StructDeclarationSyntax ? "enum(" : "object(");
        text.Append(string.Join("|", Facts(type)));
        if (type is StructDeclarationSyntax)
        {
            foreach (var value in type.Members.OfType<PropertyDeclarationSyntax>().Where(p => p.Modifiers.Any(SyntaxKind.StaticKeyword) && p.Initializer is not null))
            {
                text.Append(';').Append(value.Identifier.Text).Append('=').Append(value.Initializer!.Value.ToString());
            }
        }
        else
        {
            text.Append(type.BaseList?.ToString().Contains("IKubernetesObject", StringComparison.Ordinal) == true ? "embedded" : string.Empty);
            foreach (var property in type.Members.OfType<PropertyDeclarationSyntax>().Where(p => Json(p) is not null).OrderBy(Json, StringComparer.Ordinal))
            {
                text.Append(';').Append(Json(property)).Append('=').Append(property.Identifier.Text).Append(':')
                    .Append(TypeName().Replace(FullNames(property.Type.ToString(), Namespace(fullName)), m => _types.ContainsKey(m.Value) ? "<" + Structure(m.Value) + ">" : m.Value))
                    .Append('[').Append(string.Join("|", Facts(property))).Append(']');
            }
        }

        return _structures[fullName] = text.Append(')').ToString();
    }

    /// <summary>
    /// The property's JSON name: its <c>[JsonPropertyName]</c>, else (a public instance property that is not the
    /// extension data nor an interface's) its name in camelCase, as the generator leaves it (docs/naming.md).
    /// </summary>
    private static string? Json(PropertyDeclarationSyntax property)
    {
        var attributes = property.AttributeLists.SelectMany(a => a.Attributes).ToList();
        if (attributes.FirstOrDefault(a => a.Name.ToString().EndsWith("JsonPropertyName", StringComparison.Ordinal)) is { } name)
        {
            return name.ArgumentList?.Arguments[0].ToString();
        }

        var isJson = property.ExplicitInterfaceSpecifier is null && property.Modifiers.Any(SyntaxKind.PublicKeyword) && !property.Modifiers.Any(SyntaxKind.StaticKeyword)
            && !attributes.Any(a => a.Name.ToString().EndsWith("JsonExtensionData", StringComparison.Ordinal));
        var text = property.Identifier.Text;
        return isJson ? "\"" + char.ToLowerInvariant(text[0]) + text[1..] + "\"" : null;
    }

    /// <summary>A declared type with every name written in full: the aliases expanded, a simple name of the namespace's own types qualified.</summary>
    private string FullNames(string type, string ns) =>
        SimpleName().Replace(type.Replace("Scg::", "global::System.Collections.Generic.", StringComparison.Ordinal), m => _types.ContainsKey("global::" + ns + "." + m.Value) ? "global::" + ns + "." + m.Value : m.Value);

    private static IEnumerable<string> Facts(SyntaxNode node) =>
        Remarks().Matches(node.GetLeadingTrivia().ToString()).SelectMany(m => SentenceEnd().Split(m.Groups[1].Value))
            .Where(f => ShapeFacts.Any(p => f.StartsWith(p, StringComparison.Ordinal)));

    [GeneratedRegex(@"global::[A-Za-z0-9_.]+")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.:])[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_.:])")]
    private static partial Regex SimpleName();

    /// <summary>A member's facts: one <c>&lt;remarks&gt;</c> line, a sentence per fact.</summary>
    [GeneratedRegex("<remarks>(.*?)</remarks>")]
    private static partial Regex Remarks();

    [GeneratedRegex(@"(?<=\.) ")]
    private static partial Regex SentenceEnd();
}
