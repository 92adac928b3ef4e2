using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Finds resource versions defined in more than one file. The copy in the file that sorts first (ordinal path)
/// wins, so the result does not depend on the order MSBuild lists the files in.
/// </summary>
internal static class DuplicateFinder
{
    public static EquatableArray<Duplicate> Find(ImmutableArray<ResourceKey> keys)
    {
        var duplicates = new List<Duplicate>();
        foreach (var group in keys.GroupBy(k => k.Key, StringComparer.Ordinal))
        {
            var files = group.Select(k => k.FilePath).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            for (var i = 1; i < files.Count; i++)
            {
                duplicates.Add(new Duplicate(group.Key, files[i], files[0]));
            }
        }

        return duplicates.OrderBy(d => d.Key, StringComparer.Ordinal).ThenBy(d => d.FilePath, StringComparer.Ordinal).ToEquatableArray();
    }
}
