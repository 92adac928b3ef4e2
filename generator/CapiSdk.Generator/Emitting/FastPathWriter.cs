using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Emits a fast-path writer per object type (the <c>SerializeHandler</c> System.Text.Json calls when the options
/// are the context's own): one line per property, each a call to a shared helper of <see cref="JsonContextHelpers"/>
/// that skips unset values and writes the rest straight to the <c>Utf8JsonWriter</c>; unknown fields from extension
/// data are written back last. The same output as the metadata path, without its per-property dispatch.
/// </summary>
internal static class FastPathWriter
{
    public static void Emit(SourceWriter writer, ObjectTypeModel type, JsonTypeNames names)
    {
        var generated = JsonTypeNames.IsGenerated(type.FullName);
        writer.Open("private static void " + names.Writer(type.FullName) + "(Json::Utf8JsonWriter writer, " + names.Type(type.FullName) + "? value)");
        writer.Open("if (BeginObject(writer, value))");
        foreach (var property in type.Properties)
        {
            var name = SourceWriter.Literal(property.JsonName) + "u8";
            var valueWriter = ValueWriter(property.Type, names);
            if (property.Type.IsValueType && property.Initialized)
            {
                writer.Line("writer.WritePropertyName(" + name + "); " + valueWriter + "(writer, value." + property.Name + ");");
            }
            else
            {
                writer.Line((property.Type.IsValueType ? "WriteVal" : "WriteRef") + "(writer, " + name + ", value." + property.Name + ", " + valueWriter + ");");
            }
        }

        writer.Line("EndObject(writer, " + (generated ? "value.AdditionalProperties" : "null") + ");");
        writer.Close();
        writer.Close();
    }

    /// <summary>A <c>ValueWriter&lt;T&gt;</c> expression for a non-null value of <paramref name="type"/>.</summary>
    private static string ValueWriter(JsonTypeModel type, JsonTypeNames names)
    {
        switch (type.Kind)
        {
            case JsonTypeKind.Object:
                // A type of another part of the context (none today): through its metadata.
                return names.Writer(type.Name) ?? "WriteAny";
            case JsonTypeKind.List:
                return "static (w, v) => WriteArray(w, v, " + ElementWriter(type, names) + ")";
            case JsonTypeKind.Map:
                return "static (w, v) => WriteMap(w, v, " + ElementWriter(type, names) + ")";
        }

        if (type.IsEnum)
        {
            return "static (w, v) => w.WriteStringValue(v.Value)";
        }

        return type.Name switch
        {
            "string" => "WriteString",
            "long" => "WriteInt64",
            "int" => "WriteInt32",
            "double" => "WriteDouble",
            "bool" => "WriteBoolean",
            "global::System.DateTimeOffset" or "global::System.DateTime" => "WriteTime",
            JsonTypeModel.JsonNodeName or "global::System.Text.Json.Nodes.JsonObject" => "WriteNode",
            "global::System.Text.Json.JsonElement" => "WriteElement",
            _ when type.Name == ClientLibrary.IntOrString => "WriteIntOrString",
            _ => "WriteAny",
        };
    }

    /// <summary>The writer of a list's or map's elements: null elements (which JSON allows) are written as null.</summary>
    private static string ElementWriter(JsonTypeModel collection, JsonTypeNames names)
    {
        var element = collection.Element!;
        var inner = ValueWriter(element, names);
        var handlesNull = element.Kind == JsonTypeKind.Object || element.Name == "string";
        return (element.IsValueType && !collection.ElementNullable) || handlesNull ? inner : "static (w, e) => WriteOrNull(w, e, " + inner + ")";
    }
}
