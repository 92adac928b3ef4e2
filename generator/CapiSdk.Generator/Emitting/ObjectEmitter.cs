using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>Emits a class for an object schema: one property per schema property, plus extension data.</summary>
internal static class ObjectEmitter
{
    private const string Json = ModelTypeNames.Json;

    public static void Emit(SourceWriter writer, ObjectTypeModel type, ModelTypeNames names)
    {
        DocComments.Type(writer, type);
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
        writer.Line("public string ApiVersion { get; set; } = " + SourceWriter.Literal(apiVersion) + ";");
        writer.Line();
        writer.Doc("The kind of this object: <c>" + SourceWriter.EscapeXml(kind) + "</c>.", escaped: true);
        writer.Line("public string Kind { get; set; } = " + SourceWriter.Literal(kind) + ";");
        writer.Line();
        writer.Doc("Standard object metadata.");
        writer.Line("public " + metadataType + " Metadata { get; set; } = new();");
        writer.Line();
    }

    /// <summary>
    /// A property per schema property. The two serializers the models are for, the JSON context and KubernetesClient's
    /// <c>KubernetesJson</c> (reflection, <c>DefaultIgnoreCondition = WhenWritingNull</c>, camelCase names), both skip
    /// null values, so no property carries <c>JsonIgnore</c>; and only a JSON name that is not the C# name in camelCase
    /// is an attribute (<see cref="NeedsJsonName"/>).
    /// </summary>
    public static void EmitMembers(SourceWriter writer, ObjectTypeModel type, ModelTypeNames names)
    {
        foreach (var property in type.Properties)
        {
            DocComments.Property(writer, property);
            var attributes = new System.Collections.Generic.List<string>();
            if (NeedsJsonName(property.Name, property.JsonName))
            {
                attributes.Add(Json + "JsonPropertyName(" + SourceWriter.Literal(property.JsonName) + ")");
            }

            if (property.ConverterAttribute is { } converter)
            {
                attributes.Add(Json + "JsonConverter(typeof(" + converter + "))");
            }

            if (attributes.Count > 0)
            {
                writer.Line("[" + string.Join(", ", attributes) + "]");
            }

            writer.Line("public " + names.Short(property.DeclaredType) + " " + property.Name + " { get; set; }" + (property.Initialized ? " = new();" : string.Empty));
            writer.Line();
        }

        EmitExtensionData(writer);
    }

    /// <summary>
    /// False when <paramref name="jsonName"/> is what System.Text.Json's camelCase policy (KubernetesJson's) makes of
    /// <paramref name="name"/>: a first upper-case letter followed by one that is not upper case becomes lower case.
    /// </summary>
    public static bool NeedsJsonName(string name, string jsonName) =>
        !(name.Length >= 2 && name[0] < 128 && char.IsUpper(name[0]) && !char.IsUpper(name[1])
            && jsonName.Length == name.Length && jsonName[0] == char.ToLowerInvariant(name[0])
            && string.CompareOrdinal(jsonName, 1, name, 1, name.Length - 1) == 0);

    public static void EmitExtensionData(SourceWriter writer)
    {
        writer.Doc("Fields not in the schema, kept so that writing back loses none.");
        writer.Line("[" + Json + "JsonExtensionData]");
        writer.Line("public " + ModelTypeNames.Collections + "IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
    }
}
