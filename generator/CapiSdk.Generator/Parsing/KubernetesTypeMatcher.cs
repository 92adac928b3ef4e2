using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Decides whether an object sub-schema is typed as one of the KubernetesClient classes <c>CapiSdkUseKubernetesTypes</c>
/// asks for (docs/kubernetes-types.md). A schema <em>resembles</em> a class when it has at least half of the class's
/// fields (by JSON name), more than half of its own fields are the class's, and, for a <c>Secret…</c>,
/// <c>ConfigMap…</c> or <c>Env…</c> class, its property's name says so. It is typed as
/// the closest class it resembles (most of the class's fields, then the order of the list) that it is
/// <em>compatible</em> with (<see cref="KubernetesTypeCompatibility"/>): nothing the server sends is dropped or changed
/// on a round trip. A schema that resembles a class but is compatible with none is refused, with the reason.
/// </summary>
internal sealed class KubernetesTypeMatcher
{
    /// <summary>The first word of a class name (after its version) that the property's name must contain for the class to be used there.</summary>
    private static readonly string[] NamedWords = { "Secret", "ConfigMap", "Env" };

    private readonly List<KubernetesTypeModel> _candidates;
    private readonly KubernetesTypeCompatibility _compatibility;

    private KubernetesTypeMatcher(List<KubernetesTypeModel> candidates, Dictionary<string, KubernetesTypeModel> types)
    {
        _candidates = candidates;
        _compatibility = new KubernetesTypeCompatibility(types);
    }

    /// <summary>The matcher for a file that asks for <paramref name="names"/>, or null when it asks for none the compilation has.</summary>
    public static KubernetesTypeMatcher? Create(KubernetesTypeCatalog catalog, EquatableArray<string> names)
    {
        if (names.Count == 0 || catalog.Candidates.Count == 0)
        {
            return null;
        }

        var types = catalog.Types.ToDictionary(t => t.FullName, StringComparer.Ordinal);
        var candidates = names
            .Select(n => "global::k8s.Models." + n)
            .Where(n => catalog.Candidates.Contains(n) && types.ContainsKey(n))
            .Select(n => types[n])
            .ToList();
        return candidates.Count == 0 ? null : new KubernetesTypeMatcher(candidates, types);
    }

    /// <summary>
    /// The class for <paramref name="schema"/> (an object schema with properties) at a place whose name part is
    /// <paramref name="segment"/>; or no class, with the refusal when it resembles one.
    /// </summary>
    public (JsonTypeModel? Type, string? Refused, string? Reason) Match(YamlMappingNode schema, string segment)
    {
        if (schema.Child("properties") is not YamlMappingNode { Children.Count: > 0 } properties)
        {
            return (null, null, null);
        }

        var names = new HashSet<string>(properties.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty), StringComparer.Ordinal);
        var resembled = _candidates
            .Select((type, order) => (Type: type, Order: order, Overlap: Overlap(type, names)))
            .Where(c => c.Overlap * 2 >= c.Type.FieldCount && c.Overlap * 2 > names.Count && NameFits(c.Type.FullName, segment))
            .OrderByDescending(c => (double)c.Overlap / c.Type.FieldCount)
            .ThenBy(c => c.Order)
            .ToList();
        string? firstReason = null;
        foreach (var candidate in resembled)
        {
            var reason = _compatibility.Check(schema, candidate.Type);
            if (reason is null)
            {
                return (JsonTypeModel.Class(candidate.Type.FullName), null, null);
            }

            firstReason ??= reason;
        }

        return resembled.Count == 0 ? (null, null, null) : (null, ShortName(resembled[0].Type.FullName), firstReason);
    }

    private static int Overlap(KubernetesTypeModel type, HashSet<string> names) =>
        type.Properties.Count(p => names.Contains(p.JsonName)) + type.Unreadable.Count(names.Contains);

    /// <summary>
    /// A class for secrets, config maps or environment variables only where the property's name says so
    /// (<c>secretKeyRef</c>, <c>configMapRef</c>, <c>env</c>): a <c>{name, value}</c> list of arguments is no <c>V1EnvVar</c>.
    /// </summary>
    private static bool NameFits(string fullName, string segment)
    {
        var name = ShortName(fullName);
        var start = 0;
        while (start < name.Length && (char.IsDigit(name[start]) || start == 0 || char.IsLower(name[start])))
        {
            start++;
        }

        var rest = name.Substring(start);
        foreach (var word in NamedWords)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return segment.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
            }
        }

        return true;
    }

    /// <summary><c>V1Container</c> for <c>global::k8s.Models.V1Container</c>.</summary>
    public static string ShortName(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);
}
