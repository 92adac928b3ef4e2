using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Parsing;

/// <summary>The <c>CapiSdkTypeNames</c> of one file, and which of them matched a place in its schemas.</summary>
internal sealed class TypeNameMappings
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public TypeNameMappings(IEnumerable<TypeNameMapping> mappings)
    {
        foreach (var mapping in mappings)
        {
            _names[mapping.Path] = mapping.Name;
        }
    }

    /// <summary>The name given to the type at <paramref name="path"/>, if any; remembers that it applied.</summary>
    public string? Find(string path)
    {
        if (!_names.TryGetValue(path, out var name))
        {
            return null;
        }

        _used.Add(path);
        return name;
    }

    /// <summary>The paths given a name that no object or enum schema of the file sits at.</summary>
    public IEnumerable<string> Unused() => _names.Keys.Where(k => !_used.Contains(k)).OrderBy(k => k, StringComparer.Ordinal);
}
