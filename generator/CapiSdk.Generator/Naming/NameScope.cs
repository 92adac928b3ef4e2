using System;
using System.Collections.Generic;
using System.Globalization;

namespace CapiSdk.Generator.Naming;

/// <summary>
/// A set of names already taken in one scope (a namespace's types, or a class's members). A name asked for
/// twice gets the smallest free numeric suffix, starting at 2, in the order names are asked for, which is the
/// order of the schema: the result is deterministic.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEqualityComparer<string>? comparer = null, params string[] reserved)
    {
        _taken = new HashSet<string>(comparer ?? StringComparer.Ordinal);
        foreach (var name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Takes <paramref name="wanted"/> if it is free; false (and nothing taken) when it is not.</summary>
    public bool TryClaim(string wanted) => _taken.Add(wanted);

    public string Claim(string wanted)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        for (var i = 2; ; i++)
        {
            var candidate = wanted + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
