using System;

namespace CapiSdk.Generator.Naming;

/// <summary>
/// The singular of the last word of a PascalCase name, for list elements: <c>Conditions</c> → <c>Condition</c>,
/// <c>Policies</c> → <c>Policy</c>, <c>Addresses</c> → <c>Address</c>, <c>Patches</c> → <c>Patch</c>,
/// <c>Statuses</c> → <c>Status</c>, <c>IPs</c> → <c>IP</c>. A name that does not end in a plural <c>s</c>
/// (<c>Status</c>, <c>Analysis</c>, <c>Data</c>) is kept.
/// </summary>
internal static class Singular
{
    public static string Of(string name)
    {
        if (IsAcronymPlural(name))
        {
            return name.Substring(0, name.Length - 1);
        }

        if (name.Length < 2 || !name.EndsWith("s", StringComparison.Ordinal))
        {
            return name;
        }

        if (Ends(name, "ies"))
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        if (Ends(name, "sses") || Ends(name, "shes") || Ends(name, "ches") || Ends(name, "xes") || Ends(name, "zes") || Ends(name, "uses"))
        {
            return name.Substring(0, name.Length - 2);
        }

        if (Ends(name, "ss") || Ends(name, "us") || Ends(name, "is"))
        {
            return name;
        }

        return name.Substring(0, name.Length - 1);
    }

    /// <summary><c>IPs</c>, <c>CIDRs</c>: an upper-case run followed by a lower-case <c>s</c>.</summary>
    private static bool IsAcronymPlural(string name) =>
        name.Length >= 3 && name[name.Length - 1] == 's' && char.IsUpper(name[name.Length - 2]) && char.IsUpper(name[name.Length - 3]);

    private static bool Ends(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal);
}
