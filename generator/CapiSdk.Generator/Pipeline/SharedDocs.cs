using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Emitting;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Writes each doc comment once in the project (docs/naming.md, "Descriptions written once"). The places are walked
/// in a fixed order: namespaces ordinally; their resources by file path, then group/version/kind (as
/// <see cref="ShapeMerger"/> orders them); each resource's root properties, then its other types in emit order, each
/// type's comment before its properties'. The first place with a given comment (the exact text the emitter writes)
/// keeps it; a later place with the same comment points at the first with <c>&lt;inheritdoc cref="..."/&gt;</c> when
/// that line is shorter. Only emitted places are walked and a keeper never inherits, so a cref always names a member
/// that carries the text itself. The kinds' own type comments are left alone: theirs name the kind's version.
/// </summary>
internal static class SharedDocs
{
    /// <summary>
    /// <paramref name="named"/> with later copies of a comment made references. Resource versions defined twice are
    /// passed on unchanged: they are never emitted, so they neither keep a comment nor point at one.
    /// </summary>
    public static NamedResources Apply(NamedResources named, EquatableArray<Duplicate> duplicates)
    {
        var skipped = new HashSet<(string, string)>(duplicates.Select(d => (d.Key, d.FilePath)));
        var keepers = new Dictionary<string, string>(StringComparer.Ordinal);
        DocModel Share(DocModel doc, string text, string cref)
        {
            if (!keepers.TryGetValue(text, out var keeper))
            {
                keepers.Add(text, cref);
                return doc;
            }

            return DocComments.InheritLine(keeper).Length + 1 < text.Length ? doc with { InheritFrom = keeper } : doc;
        }

        EquatableArray<PropertyModel> Properties(EquatableArray<PropertyModel> properties, string typeName) =>
            properties.Select(p => p with { Doc = Share(p.Doc, DocComments.PropertyText(p), typeName + "." + p.Name) }).ToEquatableArray();

        TypeModel Type(TypeModel type) => type switch
        {
            ObjectTypeModel o => o with { Doc = Share(o.Doc, DocComments.TypeText(o), o.FullName), Properties = Properties(o.Properties, o.FullName) },
            EnumTypeModel e => e with { Doc = Share(e.Doc, DocComments.TypeText(e), e.FullName) },
            _ => type,
        };

        var shared = new Dictionary<ResourceModel, ResourceModel>();
        foreach (var r in named.Resources.Where(r => !skipped.Contains((r.Key, r.FilePath)))
            .OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.FilePath, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var root = r.Root with { Properties = Properties(r.Root.Properties, "global::" + r.Namespace + "." + r.Root.Name) };
            shared[r] = r with { Root = root, Types = new TypeModel[] { root }.Concat(r.Types.Skip(1).Select(Type)).ToEquatableArray() };
        }

        return named with { Resources = named.Resources.Select(r => shared.TryGetValue(r, out var s) ? s : r).ToEquatableArray() };
    }
}
