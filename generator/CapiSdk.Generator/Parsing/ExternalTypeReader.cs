using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Reads the shapes of the KubernetesClient classes the generated models hold (V1ObjectMeta, V1ListMeta, the classes
/// <c>CapiSdkUseKubernetesTypes</c> typed sub-schemas as, and the classes they reach) from the compilation's symbols,
/// so the JSON context can cover them without reflection; and the catalogue of classes the matcher compares schemas
/// with. Only plain values, symbols' names and shapes leave this class.
/// </summary>
internal static class ExternalTypeReader
{
    /// <summary>A KubernetesClient type looked up to tell whether the compilation references KubernetesClient.</summary>
    public const string KubernetesObjectMetadataName = "k8s.IKubernetesObject`1";

    private const string ModelsNamespace = "k8s.Models";
    private static readonly string[] Roots = { "k8s.Models.V1ObjectMeta", "k8s.Models.V1ListMeta" };

    /// <summary>KubernetesClient's value classes with a converter of their own, which the context replaces with one that round-trips.</summary>
    private static readonly JsonTypeModel IntOrString = JsonTypeModel.Value("global::k8s.Models.IntOrString", isValueType: false, "new " + ClientLibrary.KubernetesIntOrStringConverter + "()");
    private static readonly JsonTypeModel Quantity = JsonTypeModel.Value("global::k8s.Models.ResourceQuantity", isValueType: false, "new " + ClientLibrary.ResourceQuantityConverter + "()");

    /// <summary>The classes the JSON context covers: the metadata classes, <paramref name="mapped"/> (full names), and what they reach.</summary>
    public static ExternalTypesModel Read(Compilation compilation, EquatableArray<string> mapped)
    {
        if (compilation.GetTypeByMetadataName(KubernetesObjectMetadataName) is null)
        {
            return ExternalTypesModel.Missing;
        }

        var roots = Roots.Concat(mapped.Select(m => m.StartsWith("global::", System.StringComparison.Ordinal) ? m.Substring("global::".Length) : m))
            .Select(compilation.GetTypeByMetadataName)
            .Where(t => t is not null)
            .Cast<INamedTypeSymbol>();
        var objects = Walk(roots).Select(t => new ObjectTypeModel(t.FullName.Substring(t.FullName.LastIndexOf('.') + 1), t.FullName, DocModel.None, t.Properties, EmbeddedResource: false));
        return new ExternalTypesModel(true, objects.OrderBy(o => o.FullName, System.StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>
    /// The classes of <c>k8s.Models</c> named <paramref name="names"/> and every class they reach; a name with no
    /// public class of that name with a parameterless constructor is reported (CAPISDK015).
    /// </summary>
    public static KubernetesTypeCatalog ReadCatalog(Compilation compilation, EquatableArray<string> names)
    {
        if (names.Count == 0 || compilation.GetTypeByMetadataName(KubernetesObjectMetadataName) is null)
        {
            return KubernetesTypeCatalog.Empty;
        }

        var candidates = new List<INamedTypeSymbol>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var name in names)
        {
            var type = compilation.GetTypeByMetadataName(ModelsNamespace + "." + name);
            if (type is not null && IsModelClass(type))
            {
                candidates.Add(type);
            }
            else
            {
                var problem = type is null ? "the referenced KubernetesClient has no class k8s.Models." + name : "k8s.Models." + name + " is not a model class (a public class with a parameterless constructor and JSON properties)";
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.KubernetesTypeUnknown.Id, string.Empty, 0, 0, new[] { name, problem }.ToEquatableArray()));
            }
        }

        var types = Walk(candidates).OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToEquatableArray();
        return new KubernetesTypeCatalog(candidates.Select(FullName).ToEquatableArray(), types, diagnostics.ToEquatableArray());
    }

    private static List<KubernetesTypeModel> Walk(IEnumerable<INamedTypeSymbol> roots)
    {
        var result = new List<KubernetesTypeModel>();
        var queue = new Queue<INamedTypeSymbol>();
        var seen = new HashSet<string>();
        foreach (var type in roots)
        {
            if (seen.Add(FullName(type)))
            {
                queue.Enqueue(type);
            }
        }

        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            var properties = new List<PropertyModel>();
            var unreadable = new List<string>();
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is null || property.SetMethod is null || HasAttribute(property, "JsonIgnoreAttribute"))
                {
                    continue;
                }

                var mapped = Map(property.Type, queue, seen);
                if (mapped is null)
                {
                    unreadable.Add(JsonName(property));
                    continue;
                }

                var notNull = property.Type.IsValueType && property.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
                properties.Add(new PropertyModel(JsonName(property), property.Name, mapped, notNull, IgnoreWhenNull: false, DocModel.None));
            }

            result.Add(new KubernetesTypeModel(FullName(type), properties.ToEquatableArray(), unreadable.ToEquatableArray()));
        }

        return result;
    }

    private static JsonTypeModel? Map(ITypeSymbol type, Queue<INamedTypeSymbol> queue, HashSet<string> seen)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return JsonTypeModel.String;
            case SpecialType.System_Boolean: return JsonTypeModel.Bool;
            case SpecialType.System_Int32: return JsonTypeModel.Int;
            case SpecialType.System_Int64: return JsonTypeModel.Long;
            case SpecialType.System_Double: return JsonTypeModel.Double;
            case SpecialType.System_DateTime: return JsonTypeModel.DateTime;
            case SpecialType.System_Object: return JsonTypeModel.Object;
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        var definition = named.OriginalDefinition.ToDisplayString();
        switch (definition)
        {
            case "T?" or "System.Nullable<T>":
                return Map(named.TypeArguments[0], queue, seen);
            case "System.DateTimeOffset":
                return JsonTypeModel.DateTimeOffset;
            case "k8s.Models.IntOrString":
                return IntOrString;
            case "k8s.Models.ResourceQuantity":
                return Quantity;
            case "System.Collections.Generic.IList<T>" or "System.Collections.Generic.List<T>":
                return Map(named.TypeArguments[0], queue, seen) is { } element ? JsonTypeModel.ListOf(element, element.IsValueType && IsNullable(named.TypeArguments[0])) : null;
            case "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.Dictionary<TKey, TValue>":
                return named.TypeArguments[0].SpecialType == SpecialType.System_String && Map(named.TypeArguments[1], queue, seen) is { } value
                    ? JsonTypeModel.MapOf(value, value.IsValueType && IsNullable(named.TypeArguments[1]))
                    : null;
        }

        if (IsModelClass(named))
        {
            if (seen.Add(FullName(named)))
            {
                queue.Enqueue(named);
            }

            return JsonTypeModel.Class(FullName(named));
        }

        return null;
    }

    /// <summary>A class the context can describe property by property: public, not generic, with a parameterless constructor and no converter of its own.</summary>
    private static bool IsModelClass(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class && !type.IsGenericType && type.DeclaredAccessibility == Accessibility.Public
        && type.ContainingNamespace.ToDisplayString() == ModelsNamespace && !HasAttribute(type, "JsonConverterAttribute")
        && type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);

    private static bool IsNullable(ITypeSymbol type) => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static string JsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "JsonPropertyNameAttribute" && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
    }

    private static bool HasAttribute(ISymbol symbol, string name) => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == name);

    private static string FullName(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
