using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Pipeline;

namespace CapiSdk.Generator.Naming;

/// <summary>
/// Names the shapes of one namespace (docs/naming.md). Shapes are named in the order of their first place
/// (shallowest, then ordinal path), so a parent is named before its children; each takes the first free of:
/// the name the user gave it (<c>CapiSdkTypeNames</c>), its well-known name (<see cref="KnownShapes"/>), the
/// short name (enclosing type + this place's part, without the kind's <c>Spec</c>), the long name (the whole
/// path), then the long name with <c>2</c>, <c>3</c>, ... A type is never named like one of its members.
/// </summary>
internal sealed class TypeNamer
{
    private readonly NameScope _scope;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics;

    public TypeNamer(IEnumerable<string> reserved, List<DiagnosticInfo> diagnostics)
    {
        _scope = new NameScope(null, reserved.ToArray());
        _diagnostics = diagnostics;
    }

    /// <summary>The name given to <paramref name="shape"/>.</summary>
    public string this[string shape] => _names[shape];

    /// <summary>
    /// Names one shape. <paramref name="parentName"/> is the final name of the enclosing type at the first place,
    /// <paramref name="kindName"/> the kind's type there; <paramref name="places"/> are all its places, first first.
    /// </summary>
    public string Name(TypeModel type, IReadOnlyList<(TypeModel Type, string FilePath)> places, string parentName, string kindName)
    {
        var use = type.Use!;
        var members = new HashSet<string>(type switch
        {
            ObjectTypeModel o => o.Properties.Select(p => p.Name),
            EnumTypeModel e => e.Members.Select(m => m.Name),
            _ => Enumerable.Empty<string>(),
        }, StringComparer.Ordinal);
        var candidates = new List<string>();
        var mapped = places.Where(p => p.Type.Use?.MappedName is not null).ToList();
        if (mapped.Count > 0)
        {
            var wanted = mapped[0].Type.Use!.MappedName!;
            foreach (var other in mapped.Skip(1).Where(m => m.Type.Use!.MappedName != wanted))
            {
                _diagnostics.Add(TypeNamesReader.NotApplied(other.Type.Use!.Path + "=" + other.Type.Use.MappedName, "the type there has the same shape as at '" + mapped[0].Type.Use!.Path + "', which is named '" + wanted + "'; one shape is one type, so give both places one name.", other.FilePath));
            }

            if (members.Contains(wanted) || !_scope.TryClaim(wanted))
            {
                _diagnostics.Add(TypeNamesReader.NotApplied(mapped[0].Type.Use!.Path + "=" + wanted, "another type of the namespace, or a member of this one, already has that name; choose another.", mapped[0].FilePath));
            }
            else
            {
                return _names[type.Shape] = wanted;
            }
        }

        if (type is ObjectTypeModel objectType && KnownShapes.For(objectType, use.Segment) is { } known)
        {
            candidates.Add(known);
        }

        candidates.Add((use.ParentIsSpec ? kindName : parentName) + use.Segment);
        candidates.Add(use.LongName);
        foreach (var candidate in candidates)
        {
            if (!members.Contains(candidate) && _scope.TryClaim(candidate))
            {
                return _names[type.Shape] = candidate;
            }
        }

        string name;
        do
        {
            name = _scope.Claim(use.LongName);
        }
        while (members.Contains(name));
        return _names[type.Shape] = name;
    }
}
