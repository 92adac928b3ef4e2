using System.Text.RegularExpressions;

namespace CapiSdk.Testing.Resources;

/// <summary>Kubernetes version ordering: GA before beta before alpha, higher numbers first (v1 &gt; v1beta2 &gt; v1alpha1).</summary>
internal static partial class VersionPriority
{
    public static IEnumerable<string> Order(IEnumerable<string> versions) =>
        versions.OrderByDescending(Rank).ThenBy(v => v, StringComparer.Ordinal);

    private static long Rank(string v)
    {
        var m = KubeVersion().Match(v);
        if (!m.Success)
        {
            return 0;
        }
        var major = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stage = m.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = m.Groups[3].Success ? long.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stage * 1_000_000) + (major * 1000) + minor;
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex KubeVersion();
}
