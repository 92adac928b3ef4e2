using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Finds types two files would both generate in one namespace (a kind <c>FooBar</c> beside a kind <c>Foo</c> with a
/// <c>bar</c> object, for instance). Within one file the names are made unique; across files they cannot be
/// without making one file's names depend on another's, so the clash is reported instead of left to CS0101.
/// </summary>
internal static class TypeClashes
{
    public static IEnumerable<(string TypeName, string FirstFile, string SecondFile, int SecondLine)> Find(ImmutableArray<ResourceModel> resources)
    {
        var owners = new Dictionary<string, ResourceModel>(StringComparer.Ordinal);
        foreach (var resource in resources.OrderBy(r => r.FilePath, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var name in resource.Types.Select(t => "global::" + resource.Namespace + "." + t.Name)
                .Concat(new[] { "global::" + resource.Namespace + "." + resource.ListTypeName, "global::" + resource.Namespace + "." + resource.ClientName }))
            {
                if (!owners.TryGetValue(name, out var first))
                {
                    owners.Add(name, resource);
                }
                else if (first.FilePath != resource.FilePath)
                {
                    yield return (name.Substring("global::".Length), first.FilePath, resource.FilePath, resource.Line);
                }
            }
        }
    }
}
