using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Naming;
using CapiSdk.Generator.Parsing;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Makes one C# type of each shape in a namespace and names it (<see cref="TypeNamer"/>). A shape's first place
/// is the shallowest, then the ordinal-first path (<c>Kind.json.path</c>); the resource holding that place emits
/// the type, the others refer to it. Resource versions defined twice are passed on unchanged (they are reported,
/// never emitted).
/// </summary>
internal static class ShapeMerger
{
    private sealed record Place(int Resource, int Index, TypeModel Type);

    public static NamedResources Merge(ImmutableArray<ResourceModel> drafts, EquatableArray<Duplicate> duplicates)
    {
        var skipped = new HashSet<(string, string)>(duplicates.Select(d => (d.Key, d.FilePath)));
        var named = new Dictionary<ResourceModel, ResourceModel>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var group in drafts.Where(r => !skipped.Contains((r.Key, r.FilePath))).GroupBy(r => r.Namespace, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var resources = group.OrderBy(r => r.FilePath, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            var merged = MergeNamespace(resources, diagnostics);
            for (var i = 0; i < resources.Count; i++)
            {
                named[resources[i]] = merged[i];
            }
        }

        var result = drafts.Select(r => named.TryGetValue(r, out var n) ? n : r).ToEquatableArray();
        return new NamedResources(result, diagnostics.ToEquatableArray());
    }

    private static List<ResourceModel> MergeNamespace(List<ResourceModel> resources, List<DiagnosticInfo> diagnostics)
    {
        var shapes = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        for (var r = 0; r < resources.Count; r++)
        {
            for (var i = 1; i < resources[r].Types.Count; i++)
            {
                var type = resources[r].Types[i];
                if (!shapes.TryGetValue(type.Shape, out var places))
                {
                    shapes.Add(type.Shape, places = new List<Place>());
                }

                places.Add(new Place(r, i, type));
            }
        }

        foreach (var places in shapes.Values)
        {
            places.Sort((a, b) =>
            {
                var order = a.Type.Use!.Depth.CompareTo(b.Type.Use!.Depth);
                order = order != 0 ? order : string.CompareOrdinal(a.Type.Use.Path, b.Type.Use.Path);
                return order != 0 ? order : a.Resource.CompareTo(b.Resource);
            });
        }

        var ordered = shapes.Values.OrderBy(p => p[0].Type.Use!.Depth).ThenBy(p => p[0].Type.Use!.Path, StringComparer.Ordinal).ThenBy(p => p[0].Resource).ToList();
        var reserved = ClientLibrary.TypeNames.Concat(resources.SelectMany(r => new[] { r.Root.Name, r.ListTypeName, r.ClientName }));
        var namer = new TypeNamer(reserved, diagnostics);
        foreach (var places in ordered)
        {
            var first = places[0];
            var resource = resources[first.Resource];
            var parent = resource.Types[first.Type.Use!.ParentIndex];
            var parentName = first.Type.Use.ParentIndex == 0 ? resource.Root.Name : namer[parent.Shape];
            namer.Name(first.Type, places.Select(p => (p.Type, resources[p.Resource].FilePath)).ToList(), parentName, resource.Root.Name);
        }

        var @namespace = resources.Count > 0 ? resources[0].Namespace : string.Empty;
        string FullName(string shape) => "global::" + @namespace + "." + namer[shape];
        var owned = resources.Select(_ => new List<(int Index, TypeModel Type)>()).ToList();
        foreach (var places in ordered)
        {
            var first = places[0];
            var merged = Named(places.Select(p => p.Type).ToList(), namer[first.Type.Shape], FullName(first.Type.Shape), FullName);
            var index = places.Where(p => p.Resource == first.Resource).Min(p => p.Index);
            owned[first.Resource].Add((index, merged));
        }

        var byFullName = owned.SelectMany(o => o).Select(t => t.Type).OfType<ObjectTypeModel>().ToDictionary(t => t.FullName, StringComparer.Ordinal);
        return resources.Select((r, i) =>
        {
            var root = r.Root with { Properties = r.Root.Properties.Select(p => p with { Type = Resolve(p.Type, FullName) }).ToEquatableArray() };
            var types = new TypeModel[] { root }.Concat(owned[i].OrderBy(t => t.Index).Select(t => t.Type)).ToEquatableArray();
            return r with { Root = root, Types = types, SharedConditionType = SharedCondition(root, types, byFullName) };
        }).ToList();
    }

    /// <summary>The element type of <c>status.conditions</c> when the kind does not hold it itself.</summary>
    private static ObjectTypeModel? SharedCondition(ObjectTypeModel root, EquatableArray<TypeModel> types, Dictionary<string, ObjectTypeModel> byFullName)
    {
        var status = root.Properties.FirstOrDefault(p => p.JsonName == "status" && p.Type.Kind == JsonTypeKind.Object);
        var statusType = status is null ? null : types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.FullName == status.Type.Name);
        var element = statusType?.Properties.FirstOrDefault(p => p.JsonName == "conditions" && p.Type.Kind == JsonTypeKind.List)?.Type.Element;
        return element is null || types.Any(t => t is ObjectTypeModel o && o.FullName == element.Name)
            ? null
            : byFullName.TryGetValue(element.Name, out var shared) ? shared : null;
    }

    /// <summary>The type of a shape under its final name, with merged docs when it is used at several places.</summary>
    private static TypeModel Named(List<TypeModel> places, string name, string fullName, Func<string, string> fullNames)
    {
        var first = places[0];
        var several = places.Count > 1;
        switch (first)
        {
            case ObjectTypeModel objectType:
                var properties = objectType.Properties.Select(p => p with
                {
                    Type = Resolve(p.Type, fullNames),
                    Doc = several ? MergedDocs.ForProperty(places.Cast<ObjectTypeModel>().Select(o => o.Properties.First(q => q.JsonName == p.JsonName).Doc).ToList()) : p.Doc,
                });
                return objectType with
                {
                    Name = name,
                    FullName = fullName,
                    Doc = several ? MergedDocs.ForType(places, isEnum: false) : objectType.Doc,
                    Properties = properties.ToEquatableArray(),
                };
            case EnumTypeModel enumType:
                return enumType with { Name = name, FullName = fullName, Doc = several ? MergedDocs.ForType(places, isEnum: true) : enumType.Doc };
            default:
                return first;
        }
    }

    /// <summary>A property type with every not-yet-named shape replaced by its final name.</summary>
    private static JsonTypeModel Resolve(JsonTypeModel type, Func<string, string> fullNames)
    {
        if (type.Element is { } element)
        {
            return type with { Element = Resolve(element, fullNames) };
        }

        var marker = type.Name.IndexOf(ShapeKey.PlaceholderPrefix, StringComparison.Ordinal);
        if (marker < 0)
        {
            return type;
        }

        var name = fullNames(type.Name.Substring(marker + ShapeKey.PlaceholderPrefix.Length));
        return type with { Name = name, Converter = type.IsEnum ? ClientLibrary.EnumConverter(name) : type.Converter };
    }
}
