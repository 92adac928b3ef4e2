using System.Text.RegularExpressions;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Shorter type names inside one model source. The source starts with two namespace aliases (<see cref="Usings"/>);
/// an alias-qualified name (<c>Stj::JsonPropertyName</c>) binds to the alias whatever types the project declares,
/// as <c>global::</c> does. A type of the source's own namespace is written bare: a simple name in a type position
/// binds to the namespace's own type before anything a parent namespace or a <c>using</c> brings.
/// </summary>
internal sealed class ModelTypeNames
{
    /// <summary>The alias of <c>System.Text.Json.Serialization</c>, with its <c>::</c>.</summary>
    public const string Json = "Stj::";

    /// <summary>The alias of <c>System.Collections.Generic</c>, with its <c>::</c>.</summary>
    public const string Collections = "Scg::";

    /// <summary>The alias directives, before the namespace declaration.</summary>
    public static readonly string[] Usings =
    {
        "using Scg = global::System.Collections.Generic;",
        "using Stj = global::System.Text.Json.Serialization;",
    };

    private readonly Regex _ownNamespace;

    public ModelTypeNames(string @namespace)
    {
        // Only a type directly in the namespace (not a nested type, not a type of a namespace below it).
        _ownNamespace = new Regex(Regex.Escape("global::" + @namespace + ".") + "(?=@?[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_.]))", RegexOptions.CultureInvariant);
    }

    public string Short(string typeName) =>
        _ownNamespace.Replace(typeName, string.Empty).Replace("global::System.Collections.Generic.", Collections);
}
