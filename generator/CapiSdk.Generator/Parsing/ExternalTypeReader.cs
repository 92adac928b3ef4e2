using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Reads the shapes of the KubernetesClient classes the generated models hold (V1ObjectMeta, V1ListMeta and
/// the classes they reach) from the compilation's symbols, so the JSON context can cover them without
/// reflection. Only plain values, symbols' names and shapes leave this class.
/// </summary>
internal static class ExternalTypeReader
{
    private static readonly string[] Roots = { "k8s.Models.V1ObjectMeta", "k8s.Models.V1ListMeta" };

    public static ExternalTypesModel Read(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName("k8s.IKubernetesObject`1") is null)
        {
            return ExternalTypesModel.Missing;
        }

        var objects = new List<ObjectTypeModel>();
        var queue = new Queue<INamedTypeSymbol>();
        var seen = new HashSet<string>();
        foreach (var name in Roots)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type && seen.Add(FullName(type)))
            {
                queue.Enqueue(type);
            }
        }

        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            var properties = new List<PropertyModel>();
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
                    continue;
                }

                var notNull = property.Type.IsValueType && property.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
                properties.Add(new PropertyModel(JsonName(property), property.Name, mapped, notNull, IgnoreWhenNull: false, DocModel.None));
            }

            objects.Add(new ObjectTypeModel(type.Name, FullName(type), DocModel.None, properties.ToEquatableArray(), EmbeddedResource: false));
        }

        return new ExternalTypesModel(true, objects.OrderBy(o => o.FullName, System.StringComparer.Ordinal).ToEquatableArray());
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
            case "System.Collections.Generic.IList<T>" or "System.Collections.Generic.List<T>":
                return Map(named.TypeArguments[0], queue, seen) is { } element ? JsonTypeModel.ListOf(element, element.IsValueType && IsNullable(named.TypeArguments[0])) : null;
            case "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.Dictionary<TKey, TValue>":
                return named.TypeArguments[0].SpecialType == SpecialType.System_String && Map(named.TypeArguments[1], queue, seen) is { } value
                    ? JsonTypeModel.MapOf(value, value.IsValueType && IsNullable(named.TypeArguments[1]))
                    : null;
        }

        if (named.TypeKind == TypeKind.Class && !named.IsGenericType && named.ContainingNamespace.ToDisplayString() == "k8s.Models"
            && named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            if (seen.Add(FullName(named)))
            {
                queue.Enqueue(named);
            }

            return JsonTypeModel.Class(FullName(named));
        }

        return null;
    }

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
