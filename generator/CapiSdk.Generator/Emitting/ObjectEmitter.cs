using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>Emits a class for an object schema: one property per schema property, plus extension data.</summary>
internal static class ObjectEmitter
{
    private const string Json = ModelTypeNames.Json;

    public static void Emit(SourceWriter writer, ObjectTypeModel type, ModelTypeNames names)
    {
        writer.Doc(type.Doc.Summary ?? type.Name + ".", type.Doc.Facts);
        var condition = ConditionAdapter.IsCondition(type);
        var interfaces = type.EmbeddedResource ? " : global::k8s.IKubernetesObject<global::k8s.Models.V1ObjectMeta>"
            : condition ? " : " + ClientLibrary.Prefix + "IKubernetesCondition"
            : string.Empty;
        writer.Open("public sealed partial class " + type.Name + interfaces);
        EmitMembers(writer, type, names);
        if (condition)
        {
            ConditionAdapter.Emit(writer, type);
        }

        if (type.EmbeddedResource)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("global::k8s.Models.V1ObjectMeta global::k8s.Models.IMetadata<global::k8s.Models.V1ObjectMeta>.Metadata");
            writer.Line("{");
            writer.Line("    get => Metadata ??= new();");
            writer.Line("    set => Metadata = value;");
            writer.Line("}");
        }

        writer.Close();
    }

    /// <summary>The apiVersion, kind and metadata members of a top-level object or list.</summary>
    public static void EmitKubernetesObjectMembers(SourceWriter writer, string apiVersion, string kind, string metadataType)
    {
        writer.Doc("The versioned schema of this object: <c>" + SourceWriter.EscapeXml(apiVersion) + "</c>.", escaped: true);
        writer.Line("[" + Json + "JsonPropertyName(\"apiVersion\")]");
        writer.Line("public string ApiVersion { get; set; } = " + SourceWriter.Literal(apiVersion) + ";");
        writer.Line();
        writer.Doc("The kind of this object: <c>" + SourceWriter.EscapeXml(kind) + "</c>.", escaped: true);
        writer.Line("[" + Json + "JsonPropertyName(\"kind\")]");
        writer.Line("public string Kind { get; set; } = " + SourceWriter.Literal(kind) + ";");
        writer.Line();
        writer.Doc("Standard object metadata.");
        writer.Line("[" + Json + "JsonPropertyName(\"metadata\")]");
        writer.Line("public " + metadataType + " Metadata { get; set; } = new();");
        writer.Line();
    }

    /// <summary>
    /// A property per schema property: its JSON name as an attribute (a reflection-based serializer needs it), no
    /// <c>JsonIgnore</c>: the JSON context and KubernetesClient's <c>KubernetesJson</c> options both skip null values
    /// (<c>DefaultIgnoreCondition = WhenWritingNull</c>).
    /// </summary>
    public static void EmitMembers(SourceWriter writer, ObjectTypeModel type, ModelTypeNames names)
    {
        foreach (var property in type.Properties)
        {
            writer.Doc(property.Doc.Summary ?? "The <c>" + SourceWriter.EscapeXml(property.JsonName) + "</c> field.", property.Doc.Facts, escaped: property.Doc.Summary is null);
            writer.Line("[" + Json + "JsonPropertyName(" + SourceWriter.Literal(property.JsonName) + ")"
                + (property.ConverterAttribute is { } converter ? ", " + Json + "JsonConverter(typeof(" + converter + "))" : string.Empty) + "]");
            writer.Line("public " + names.Short(property.DeclaredType) + " " + property.Name + " { get; set; }" + (property.Initialized ? " = new();" : string.Empty));
            writer.Line();
        }

        EmitExtensionData(writer);
    }

    public static void EmitExtensionData(SourceWriter writer)
    {
        writer.Doc("Fields the schema does not describe, kept so that writing back loses nothing.");
        writer.Line("[" + Json + "JsonExtensionData]");
        writer.Line("public " + ModelTypeNames.Collections + "IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
    }
}
