using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The names of the creator and accessor of each type in one part of <c>CrdJsonContext</c>. A file's own
/// types are numbered (<c>C3</c>, <c>A3</c>: short, because the compiler names every lambda after its method, and
/// those names fill the assembly's string heap); KubernetesClient's types, which the root holds and every file uses,
/// are named after the type (<c>Create_k8s_Models_V1ObjectMeta</c>). Generated type names never contain <c>_</c> after
/// their first character, so the root's names never clash with an accessor.
/// Type names are written short through namespace aliases the source declares (<see cref="Usings"/>): the
/// standard ones (<c>Scg::</c>, <c>Json::</c>, <c>Meta::</c>, <c>K8s::</c>) and one per namespace of the source's
/// object types (<c>N0::</c>, <c>N1::</c>, …). An alias-qualified name binds to the alias whatever types the
/// project declares, as <c>global::</c> does.
/// </summary>
internal sealed class JsonTypeNames
{
    private static readonly (string Namespace, string Alias)[] StandardAliases =
    {
        ("System.Text.Json.Serialization.Metadata", "Meta"),
        ("System.Text.Json", "Json"),
        ("System.Collections.Generic", "Scg"),
        ("k8s.Models", "K8s"),
    };

    private readonly Dictionary<string, int> _local = new();
    private readonly bool _root;
    private readonly List<(string Prefix, string Alias)> _aliases = new();

    /// <param name="localTypes">The source's object types.</param>
    /// <param name="root">Whether the source is the context's root.</param>
    /// <param name="otherTypes">Full names of other types the source names (the root's accessors).</param>
    public JsonTypeNames(IEnumerable<ObjectTypeModel> localTypes, bool root, IEnumerable<string>? otherTypes = null)
    {
        _root = root;
        var namespaces = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var type in localTypes)
        {
            if (!_local.ContainsKey(type.FullName))
            {
                _local.Add(type.FullName, _local.Count);
            }

        }

        foreach (var fullName in localTypes.Select(t => t.FullName).Concat(otherTypes ?? Enumerable.Empty<string>()))
        {
            var dot = fullName.LastIndexOf('.');
            var ns = fullName.Substring("global::".Length, dot - "global::".Length);
            if (System.Array.FindIndex(StandardAliases, a => a.Namespace == ns) < 0)
            {
                namespaces.Add(ns);
            }
        }

        foreach (var (ns, alias) in StandardAliases)
        {
            _aliases.Add((ns, alias));
        }

        foreach (var ns in namespaces)
        {
            _aliases.Add((ns, "N" + (_aliases.Count - StandardAliases.Length).ToString(CultureInfo.InvariantCulture)));
        }

        Usings = _aliases.Select(a => "using " + a.Alias + " = global::" + a.Prefix + ";").ToList();

        // Longest first: a namespace that starts another one's name never takes that one's types.
        _aliases.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
    }

    /// <summary>The alias directives the source starts with.</summary>
    public IReadOnlyList<string> Usings { get; }

    /// <summary><paramref name="typeName"/> (or any text made of type names) with its namespaces written as aliases.</summary>
    public string Type(string typeName)
    {
        if (typeName.IndexOf("global::", System.StringComparison.Ordinal) < 0)
        {
            return typeName;
        }

        var builder = new StringBuilder(typeName);
        foreach (var (prefix, alias) in _aliases)
        {
            builder.Replace("global::" + prefix + ".", alias + "::");
        }

        return builder.ToString();
    }

    /// <summary>The accessor of a type's properties (<see cref="JsonTypeEmitter"/>).</summary>
    public string Accessor(string fullName) => Name("A", "Access_", fullName);

    /// <summary>KubernetesClient's classes have no extension data; the generator's own do.</summary>
    public static bool IsGenerated(string fullName) => !fullName.StartsWith("global::k8s.", System.StringComparison.Ordinal);

    public string Creator(string fullName) => Name("C", "Create_", fullName);

    private string Name(string localPrefix, string rootPrefix, string fullName)
    {
        if (!_root && _local.TryGetValue(fullName, out var index))
        {
            return localPrefix + index.ToString(CultureInfo.InvariantCulture);
        }

        return rootPrefix + Mangle(fullName);
    }

    private static string Mangle(string fullName)
    {
        var name = fullName.StartsWith("global::", System.StringComparison.Ordinal) ? fullName.Substring("global::".Length) : fullName;
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c switch
            {
                '.' => "_",
                '_' => "__",
                '@' => string.Empty,
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
