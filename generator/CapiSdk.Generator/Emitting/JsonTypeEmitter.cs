using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The JSON metadata of a set of object types inside <c>CrdJsonContext</c>: one registration line per run-time type
/// (objects, and the lists, maps, enums and nullable values their properties use), then per object a creator (one
/// line per property, a shared generic builder instead of a block each) and an accessor. The accessor is one method
/// per type that gets or sets any property (or the extension data) by its index: a <c>switch</c> instead of a getter
/// and a setter lambda per property, which were most of the assembly; a value-typed property's value is boxed.
/// System.Text.Json writes from this metadata: a fast-path writer per type cost as much code again.
/// </summary>
internal static class JsonTypeEmitter
{
    public const string FactoriesType = "global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>>";

    /// <summary>The value types the context's root registers for every file: the primitives and the extension data.</summary>
    public static readonly IReadOnlyList<JsonTypeModel> Primitives = new[]
    {
        JsonTypeModel.String, JsonTypeModel.Long, JsonTypeModel.Int, JsonTypeModel.Double, JsonTypeModel.Bool, JsonTypeModel.JsonNode,
        JsonTypeModel.JsonObject, JsonTypeModel.JsonElement, JsonTypeModel.DateTimeOffset, JsonTypeModel.DateTime, JsonTypeModel.Object, JsonTypeModel.ExtensionData,
    };

    /// <summary>
    /// Writes <c>{modifiers} void {method}(factories)</c> registering <paramref name="objects"/> and what they use, and
    /// their members; the root (<paramref name="root"/>) also registers the primitives. The source must start with
    /// <paramref name="names"/>' alias directives.
    /// </summary>
    public static void Emit(SourceWriter writer, string signature, IReadOnlyList<ObjectTypeModel> objects, JsonTypeNames names, bool root)
    {
        writer.Open(signature + "(" + names.Type(FactoriesType) + " f)");
        var seen = new HashSet<string>();
        if (root)
        {
            foreach (var primitive in Primitives)
            {
                Register(writer, names, primitive, nullable: primitive.IsValueType, seen);
            }
        }
        else
        {
            seen.UnionWith(Primitives.SelectMany(p => new[] { p.RuntimeName, p.RuntimeName + "?" }));
        }

        foreach (var type in objects)
        {
            if (seen.Add(type.FullName))
            {
                writer.Line("f.TryAdd(typeof(" + names.Type(type.FullName) + "), " + names.Creator(type.FullName) + ");");
            }
        }

        foreach (var property in objects.SelectMany(o => o.Properties))
        {
            Register(writer, names, property.Type, !property.Initialized, seen);
        }

        writer.Close();
        foreach (var type in objects.GroupBy(o => o.FullName).Select(g => g.First()))
        {
            writer.Line();
            EmitCreator(writer, type, names);
            EmitAccessor(writer, type, names);
        }
    }

    private static void Register(SourceWriter writer, JsonTypeNames names, JsonTypeModel type, bool nullable, HashSet<string> seen)
    {
        if (type.Kind == JsonTypeKind.Object)
        {
            return;
        }

        if (seen.Add(type.RuntimeName))
        {
            writer.Line(type.Kind switch
            {
                JsonTypeKind.List => "L<" + names.Type(ElementRuntimeName(type)) + ">(f);",
                JsonTypeKind.Map => "M<" + names.Type(ElementRuntimeName(type)) + ">(f);",
                _ when type.IsEnum => "E<" + names.Type(type.RuntimeName) + ">(f);",
                _ when type.Converter is { } converter && converter.StartsWith("new ", System.StringComparison.Ordinal) && converter.EndsWith("()", System.StringComparison.Ordinal)
                    => "V<" + names.Type(type.RuntimeName) + ", " + names.Type(converter.Substring(4, converter.Length - 6)) + ">(f);",
                _ => "f.TryAdd(typeof(" + names.Type(type.RuntimeName) + "), static o => ValueInfo(o, " + names.Type(type.Converter!) + "));",
            });
        }

        if (nullable && type.IsValueType && seen.Add(type.RuntimeName + "?"))
        {
            writer.Line("N<" + names.Type(type.RuntimeName) + ">(f);");
        }

        if (type.Element is not null)
        {
            Register(writer, names, type.Element, type.ElementNullable, seen);
        }
    }

    private static string ElementRuntimeName(JsonTypeModel collection) =>
        collection.Element!.RuntimeName + (collection.ElementNullable && collection.Element.IsValueType ? "?" : string.Empty);

    private static void EmitCreator(SourceWriter writer, ObjectTypeModel type, JsonTypeNames names)
    {
        writer.Line("private static Meta::JsonTypeInfo " + names.Creator(type.FullName) + "(Json::JsonSerializerOptions o) => ObjectInfo<"
            + names.Type(type.FullName) + ">(o, " + names.Accessor(type.FullName) + ")");
        foreach (var property in type.Properties)
        {
            var derived = property.JsonName.Length > 0 && property.Name == char.ToUpperInvariant(property.JsonName[0]) + property.JsonName.Substring(1);
            var arguments = SourceWriter.Literal(property.JsonName)
                + (property.IgnoreWhenNull ? string.Empty : ", false")
                + (derived ? string.Empty : ", name: " + SourceWriter.Literal(property.Name));
            writer.Line("    .P<" + names.Type(property.Type.IsValueType ? property.DeclaredType : property.Type.TypeName) + ">(" + arguments + ")");
        }

        writer.Line(JsonTypeNames.IsGenerated(type.FullName) ? "    .Extra();" : "    .Build();");
    }

    /// <summary>Gets (and with <c>set</c>, first sets) the property at an index of the type's property list.</summary>
    private static void EmitAccessor(SourceWriter writer, ObjectTypeModel type, JsonTypeNames names)
    {
        writer.Line("private static object? " + names.Accessor(type.FullName) + "(" + names.Type(type.FullName) + " x, int i, object? v, bool set) => i switch");
        writer.Line("{");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            Arm(writer, i, property.Name, names.Type(property.DeclaredType));
        }

        if (JsonTypeNames.IsGenerated(type.FullName))
        {
            Arm(writer, type.Properties.Count, "AdditionalProperties", "Scg::IDictionary<string, Json::JsonElement>?");
        }

        // The last arm's type, object, is the switch's: otherwise C# would pick a type the other arms' types convert
        // to, such as a class with an implicit conversion from string (KubernetesClient's ResourceQuantity).
        writer.Line("    _ => NoIndex(i),");
        writer.Line("};");
    }

    private static void Arm(SourceWriter writer, int index, string property, string type) =>
        writer.Line("    " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " => set ? x." + property + " = (" + type + ")v" + (type.EndsWith("?", System.StringComparison.Ordinal) ? string.Empty : "!") + " : x." + property + ",");
}
