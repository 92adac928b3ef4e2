using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// The KubernetesClient classes the models hold as property types (V1ObjectMeta in embedded resources, and the classes
/// <c>CapiSdkUseKubernetesTypes</c> typed sub-schemas as), so the JSON context's root covers them and what they reach.
/// </summary>
internal static class KubernetesTypeUses
{
    private const string Prefix = "global::k8s.";

    /// <summary>The full names of those classes, sorted.</summary>
    public static EquatableArray<string> Of(IEnumerable<ResourceModel> resources)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in resources.SelectMany(r => r.Types).OfType<ObjectTypeModel>())
        {
            foreach (var property in type.Properties)
            {
                Add(property.Type, names);
            }
        }

        return names.ToEquatableArray();
    }

    private static void Add(JsonTypeModel type, SortedSet<string> names)
    {
        if (type.Element is { } element)
        {
            Add(element, names);
        }
        else if (type.Kind == JsonTypeKind.Object && type.Name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            names.Add(type.Name);
        }
    }
}
