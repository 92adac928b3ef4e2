using System.Collections.Generic;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Emits a fast-path writer per object type (the <c>SerializeHandler</c> System.Text.Json calls when the options
/// are the context's own): properties written straight to the <c>Utf8JsonWriter</c>, unset ones skipped, unknown
/// fields from extension data written back last — the same output as the metadata path, without its per-property
/// dispatch.
/// </summary>
internal sealed class FastPathWriter(IReadOnlyDictionary<string, string> objectWriters)
{
    private int _variables;

    public void Emit(SourceWriter writer, string method, ObjectTypeModel type)
    {
        var name = type.FullName;
        var generated = !name.StartsWith("global::k8s.", System.StringComparison.Ordinal);
        writer.Open("private static void " + method + "(global::System.Text.Json.Utf8JsonWriter writer, " + name + "? value)");
        writer.Line("if (value is null)");
        writer.Line("{");
        writer.Line("    writer.WriteNullValue();");
        writer.Line("    return;");
        writer.Line("}");
        writer.Line();
        writer.Line("writer.WriteStartObject();");
        _variables = 0;
        foreach (var property in type.Properties)
        {
            var variable = "v" + _variables++;
            writer.Line("if (value." + property.Name + " is { } " + variable + ")");
            writer.Line("{");
            writer.Line("    writer.WritePropertyName(" + SourceWriter.Literal(property.JsonName) + "u8);");
            WriteValue(writer, property.Type, variable, "    ");
            writer.Line("}");
        }

        if (generated)
        {
            writer.Line("if (value.AdditionalProperties is { } extra)");
            writer.Line("{");
            writer.Line("    foreach (var pair in extra)");
            writer.Line("    {");
            writer.Line("        writer.WritePropertyName(pair.Key);");
            writer.Line("        pair.Value.WriteTo(writer);");
            writer.Line("    }");
            writer.Line("}");
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    private void WriteValue(SourceWriter writer, JsonTypeModel type, string value, string indent)
    {
        switch (type.Kind)
        {
            case JsonTypeKind.Object:
                writer.Line(indent + objectWriters[type.Name] + "(writer, " + value + ");");
                return;
            case JsonTypeKind.List:
                {
                    // An index loop: no enumerator is allocated for the IList<T>.
                    var index = "i" + _variables++;
                    writer.Line(indent + "writer.WriteStartArray();");
                    writer.Line(indent + "for (var " + index + " = 0; " + index + " < " + value + ".Count; " + index + "++)");
                    writer.Line(indent + "{");
                    WriteElement(writer, type, value + "[" + index + "]", indent + "    ");
                    writer.Line(indent + "}");
                    writer.Line(indent + "writer.WriteEndArray();");
                    return;
                }

            case JsonTypeKind.Map:
                {
                    var pair = "p" + _variables++;
                    writer.Line(indent + "writer.WriteStartObject();");
                    writer.Line(indent + "foreach (var " + pair + " in " + value + ")");
                    writer.Line(indent + "{");
                    writer.Line(indent + "    writer.WritePropertyName(" + pair + ".Key);");
                    WriteElement(writer, type, pair + ".Value", indent + "    ");
                    writer.Line(indent + "}");
                    writer.Line(indent + "writer.WriteEndObject();");
                    return;
                }
        }

        if (type.IsEnum)
        {
            writer.Line(indent + "writer.WriteStringValue(" + value + ".Value);");
            return;
        }

        switch (type.Name)
        {
            case "string":
                writer.Line(indent + "writer.WriteStringValue(" + value + ");");
                return;
            case "long" or "int" or "double":
                writer.Line(indent + "writer.WriteNumberValue(" + value + ");");
                return;
            case "bool":
                writer.Line(indent + "writer.WriteBooleanValue(" + value + ");");
                return;
            case "global::System.DateTimeOffset":
                writer.Line(indent + ClientLibrary.Prefix + "Rfc3339.Write(writer, " + value + ".UtcDateTime);");
                return;
            case "global::System.DateTime":
                writer.Line(indent + ClientLibrary.Prefix + "Rfc3339.Write(writer, " + value + ".Kind == global::System.DateTimeKind.Local ? " + value + ".ToUniversalTime() : " + value + ");");
                return;
            case JsonTypeModel.JsonNodeName or "global::System.Text.Json.Nodes.JsonObject" or "global::System.Text.Json.JsonElement":
                writer.Line(indent + value + ".WriteTo(writer);");
                return;
        }

        if (type.Name == ClientLibrary.IntOrString)
        {
            writer.Line(indent + "if (" + value + ".IsString) { writer.WriteStringValue(" + value + ".StringValue); } else { writer.WriteNumberValue(" + value + ".IntValue!.Value); }");
            return;
        }

        // Anything else (KubernetesClient's untyped 'object' fields): whatever metadata the context has for its run-time type.
        writer.Line(indent + "global::System.Text.Json.JsonSerializer.Serialize(writer, " + value + ", Default.Options.GetTypeInfo(" + value + ".GetType()));");
    }

    private void WriteElement(SourceWriter writer, JsonTypeModel collection, string item, string indent)
    {
        var element = collection.Element!;
        if (element.IsValueType && !collection.ElementNullable)
        {
            WriteValue(writer, element, item, indent);
            return;
        }

        var variable = "e" + _variables++;
        writer.Line(indent + "if (" + item + " is { } " + variable + ")");
        writer.Line(indent + "{");
        WriteValue(writer, element, variable, indent + "    ");
        writer.Line(indent + "}");
        writer.Line(indent + "else");
        writer.Line(indent + "{");
        writer.Line(indent + "    writer.WriteNullValue();");
        writer.Line(indent + "}");
    }
}
