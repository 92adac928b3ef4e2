using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The JSON metadata of a set of object types inside <c>CrdJsonContext</c>: one registration line per run-time type
/// (objects, and the lists, maps, enums and nullable values their properties use), then per object a creator (one
/// line per property, a shared generic builder instead of a block each) and a fast-path writer.
/// </summary>
internal static class JsonTypeEmitter
{
    public const string FactoriesType = "global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>>";
    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    /// <summary>The value types the context's root registers for every file: the primitives and the extension data.</summary>
    public static readonly IReadOnlyList<JsonTypeModel> Primitives = new[]
    {
        JsonTypeModel.String, JsonTypeModel.Long, JsonTypeModel.Int, JsonTypeModel.Double, JsonTypeModel.Bool, JsonTypeModel.JsonNode,
        JsonTypeModel.JsonObject, JsonTypeModel.JsonElement, JsonTypeModel.DateTimeOffset, JsonTypeModel.DateTime, JsonTypeModel.Object, JsonTypeModel.ExtensionData,
    };

    /// <summary>
    /// Writes <c>{modifiers} void {method}(factories)</c> registering <paramref name="objects"/> and what they use, and
    /// their members; the root (<paramref name="root"/>) also registers the primitives.
    /// </summary>
    public static void Emit(SourceWriter writer, string signature, string rootNamespace, IReadOnlyList<ObjectTypeModel> objects, bool root)
    {
        var names = new JsonTypeNames(objects, root);
        writer.Open(signature + "(" + FactoriesType + " factories)");
        var seen = new HashSet<string>();
        if (root)
        {
            foreach (var primitive in Primitives)
            {
                Register(writer, rootNamespace, primitive, nullable: primitive.IsValueType, seen);
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
                writer.Line("factories.TryAdd(typeof(" + type.FullName + "), " + names.Creator(type.FullName) + ");");
            }
        }

        foreach (var property in objects.SelectMany(o => o.Properties))
        {
            Register(writer, rootNamespace, property.Type, !property.Initialized, seen);
        }

        writer.Close();
        foreach (var type in objects.GroupBy(o => o.FullName).Select(g => g.First()))
        {
            writer.Line();
            EmitCreator(writer, type, names);
            writer.Line();
            FastPathWriter.Emit(writer, type, rootNamespace, names);
        }
    }

    private static void Register(SourceWriter writer, string rootNamespace, JsonTypeModel type, bool nullable, HashSet<string> seen)
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
            writer.Line("factories.TryAdd(typeof(" + type.RuntimeName + "), " + factory + ");");
        }

        if (nullable && type.IsValueType && seen.Add(type.RuntimeName + "?"))
        {
            writer.Line("factories.TryAdd(typeof(" + type.RuntimeName + "?), NullableInfo<" + type.RuntimeName + ">);");
        }

        if (type.Element is not null)
        {
            Register(writer, rootNamespace, type.Element, type.ElementNullable, seen);
        }
    }

    private static string ElementRuntimeName(JsonTypeModel collection) =>
        collection.Element!.RuntimeName + (collection.ElementNullable && collection.Element.IsValueType ? "?" : string.Empty);

    private static void EmitCreator(SourceWriter writer, ObjectTypeModel type, JsonTypeNames names)
    {
        var name = type.FullName;
        writer.Line("private static " + TypeInfo + " " + names.Creator(name) + "(global::System.Text.Json.JsonSerializerOptions options) =>");
        writer.Line("    ObjectInfo<" + name + ">(options, static () => new " + name + "(), " + names.Writer(name) + ", static p => p");
        foreach (var property in type.Properties)
        {
            writer.Line("        .Add(" + SourceWriter.Literal(property.Name) + ", " + SourceWriter.Literal(property.JsonName) + ", static x => x." + property.Name
                + ", static (x, v) => x." + property.Name + " = v!" + (property.IgnoreWhenNull ? string.Empty : ", false") + ")");
        }

        writer.Line(JsonTypeNames.IsGenerated(name)
            ? "        .Extra(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v));"
            : "        .ToArray());");
    }
}
