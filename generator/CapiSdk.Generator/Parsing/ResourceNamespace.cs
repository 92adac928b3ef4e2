using System.Collections.Generic;
using System.Text;
using CapiSdk.Generator.Naming;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// The namespace rule (docs/naming.md): <c>{root}.{group without its last two labels}.{version}</c>, each label
/// PascalCased. <c>cluster.x-k8s.io</c> v1beta2 → <c>{root}.Cluster.V1Beta2</c>;
/// <c>ipam.cluster.x-k8s.io</c> v1alpha1 → <c>{root}.Ipam.Cluster.V1Alpha1</c>; a two-label group keeps its
/// first label (<c>example.com</c> → <c>Example</c>); the core group is <c>Core</c>.
/// </summary>
internal static class ResourceNamespace
{
    public static string For(string root, string group, string version)
    {
        var labels = group.Length == 0 ? new[] { "core" } : group.Split('.');
        var keep = labels.Length > 2 ? labels.Length - 2 : 1;
        var parts = new List<string>(keep + 2) { root };
        for (var i = 0; i < keep; i++)
        {
            parts.Add(Identifiers.ToPascal(labels[i]));
        }

        parts.Add(Version(version));
        return string.Join(".", parts);
    }

    /// <summary><c>v1beta2</c> → <c>V1Beta2</c>: a letter after a digit starts a new word.</summary>
    public static string Version(string version)
    {
        var pascal = Identifiers.ToPascal(version);
        var builder = new StringBuilder(pascal.Length);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            builder.Append(i > 0 && char.IsDigit(pascal[i - 1]) && char.IsLetter(c) ? char.ToUpperInvariant(c) : c);
        }

        return builder.ToString();
    }
}
