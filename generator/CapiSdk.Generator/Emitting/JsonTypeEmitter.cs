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
        writer.Open(signature + "(" + names.Type(FactoriesType) + " factories)");
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
                writer.Line("factories.TryAdd(typeof(" + names.Type(type.FullName) + "), " + names.Creator(type.FullName) + ");");
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
            var factory = type.Kind switch
            {
                JsonTypeKind.List => "ListInfo<" + ElementRuntimeName(type) + ">",
                JsonTypeKind.Map => "MapInfo<" + ElementRuntimeName(type) + ">",
                _ => "static options => ValueInfo(options, " + type.Converter + ")",
            };
            writer.Line("factories.TryAdd(typeof(" + names.Type(type.RuntimeName) + "), " + names.Type(factory) + ");");
        }

        if (nullable && type.IsValueType && seen.Add(type.RuntimeName + "?"))
        {
            writer.Line("factories.TryAdd(typeof(" + names.Type(type.RuntimeName) + "?), NullableInfo<" + names.Type(type.RuntimeName) + ">);");
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
        writer.Line("private static Meta::JsonTypeInfo " + names.Creator(type.FullName) + "(Json::JsonSerializerOptions o) => ObjectInfo(o, static () => new "
            + names.Type(type.FullName) + "(), " + names.Accessor(type.FullName) + ")");
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
        writer.Open("private static object? " + names.Accessor(type.FullName) + "(" + names.Type(type.FullName) + " x, int i, object? v, bool set)");
        writer.Open("switch (i)");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            Case(writer, i, property.Name, names.Type(property.DeclaredType));
        }

        if (JsonTypeNames.IsGenerated(type.FullName))
        {
            Case(writer, type.Properties.Count, "AdditionalProperties", "Scg::IDictionary<string, Json::JsonElement>?");
        }

        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(i));");
        writer.Close();
        writer.Close();
    }

    private static void Case(SourceWriter writer, int index, string property, string type) =>
        writer.Line("case " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": if (set) x." + property + " = (" + type + ")v" + (type.EndsWith("?", System.StringComparison.Ordinal) ? string.Empty : "!") + "; return x." + property + ";");
}
