using System;
using System.Collections.Generic;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Naming;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Reads the <c>CapiSdkTypeNames</c> AdditionalFiles metadata: entries <c>{Kind}{JSON path}={Name}</c> separated
/// by <c>;</c> or <c>,</c>, for example <c>Cluster.spec.topology.variables[*]=TopologyVariable</c>. The path is
/// written as in diagnostics: <c>.property</c>, <c>[*]</c> for a list's element, <c>{*}</c> for a map's value.
/// A malformed entry is reported (CAPISDK012) and skipped.
/// </summary>
internal static class TypeNamesReader
{
    public static EquatableArray<TypeNameMapping> Read(string? value, List<DiagnosticInfo> diagnostics)
    {
        if (value is null)
        {
            return EquatableArray<TypeNameMapping>.Empty;
        }

        var result = new List<TypeNameMapping>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var equals = entry.LastIndexOf('=');
            var path = equals > 0 ? entry.Substring(0, equals).Trim() : string.Empty;
            var name = equals > 0 ? entry.Substring(equals + 1).Trim() : string.Empty;
            var problem = path.IndexOf('.') <= 0 ? "write it as '{Kind}{path}={Name}', for example 'Cluster.spec.topology.variables[*]=TopologyVariable'."
                : !Identifiers.IsIdentifier(name) ? "'" + name + "' is not a C# type name; use letters, digits and '_', starting with a letter."
                : name.StartsWith(Parsing.ShapeKey.PlaceholderPrefix, StringComparison.Ordinal) ? "names starting with '" + Parsing.ShapeKey.PlaceholderPrefix + "' are the generator's own."
                : !seen.Add(path) ? "the path is given a name twice; keep one entry."
                : null;
            if (problem is not null)
            {
                diagnostics.Add(NotApplied(entry, problem, string.Empty));
                continue;
            }

            result.Add(new TypeNameMapping(path, name));
        }

        return result.ToEquatableArray();
    }

    public static DiagnosticInfo NotApplied(string entry, string problem, string filePath, int line = 0) =>
        new(DiagnosticDescriptors.TypeNameNotApplied.Id, filePath, line, 0, new[] { entry, problem }.ToEquatableArray());
}
