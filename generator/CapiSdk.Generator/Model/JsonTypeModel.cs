namespace CapiSdk.Generator.Model;

/// <summary>
/// A C# type as the emitters see it. <paramref name="Name"/> is fully qualified C# syntax for values and
/// objects; lists and maps build theirs from <paramref name="Element"/>. <paramref name="Converter"/> is the C#
/// expression of the converter for values. <paramref name="ElementNullable"/> marks <c>T?</c> elements.
/// <paramref name="IsEnum"/> marks a generated extensible enum.
/// </summary>
internal sealed record JsonTypeModel(
    JsonTypeKind Kind,
    string Name,
    bool IsValueType,
    string? Converter,
    JsonTypeModel? Element,
    bool ElementNullable,
    bool IsEnum = false)
{
    public const string JsonNodeName = "global::System.Text.Json.Nodes.JsonNode";

    public static readonly JsonTypeModel String = Value("string", false, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.StringConverter");
    public static readonly JsonTypeModel Long = Value("long", true, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.Int64Converter");
    public static readonly JsonTypeModel Int = Value("int", true, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.Int32Converter");
    public static readonly JsonTypeModel Double = Value("double", true, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.DoubleConverter");
    public static readonly JsonTypeModel Bool = Value("bool", true, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.BooleanConverter");
    public static readonly JsonTypeModel JsonNode = Value(JsonNodeName, false, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.JsonNodeConverter");
    public static readonly JsonTypeModel JsonObject = Value("global::System.Text.Json.Nodes.JsonObject", false, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.JsonObjectConverter");
    public static readonly JsonTypeModel JsonElement = Value("global::System.Text.Json.JsonElement", true, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.JsonElementConverter");
    public static readonly JsonTypeModel DateTimeOffset = Value("global::System.DateTimeOffset", true, "new " + ClientLibrary.Prefix + "Rfc3339DateTimeOffsetConverter()");
    public static readonly JsonTypeModel DateTime = Value("global::System.DateTime", true, "new " + ClientLibrary.Prefix + "Rfc3339DateTimeConverter()");
    public static readonly JsonTypeModel Object = Value("object", false, "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.ObjectConverter");
    public static readonly JsonTypeModel ObjectMeta = Class("global::k8s.Models.V1ObjectMeta");
    public static readonly JsonTypeModel ListMeta = Class("global::k8s.Models.V1ListMeta");
    public static readonly JsonTypeModel ExtensionData = MapOf(JsonElement, nullable: false);

    /// <summary>The type as written in C#, without a nullable mark of its own.</summary>
    public string TypeName => Kind switch
    {
        JsonTypeKind.List => "global::System.Collections.Generic.IList<" + ElementName + ">",
        JsonTypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + ElementName + ">",
        _ => Name,
    };

    /// <summary>The concrete type a list or map is created as when reading, as <c>typeof</c> sees it.</summary>
    public string ConcreteRuntimeName => Kind switch
    {
        JsonTypeKind.List => "global::System.Collections.Generic.List<" + ElementRuntimeName + ">",
        JsonTypeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + ElementRuntimeName + ">",
        _ => Name,
    };

    /// <summary>
    /// The type as <c>typeof</c> sees it: without nullable marks on reference types, which do not exist at run
    /// time, so <c>IList&lt;string?&gt;</c> and <c>IList&lt;string&gt;</c> are one type.
    /// </summary>
    public string RuntimeName => Kind switch
    {
        JsonTypeKind.List => "global::System.Collections.Generic.IList<" + ElementRuntimeName + ">",
        JsonTypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + ElementRuntimeName + ">",
        _ => Name,
    };

    private string ElementRuntimeName => Element is null ? string.Empty : Element.RuntimeName + (ElementNullable && Element.IsValueType ? "?" : string.Empty);

    /// <summary>The element type as written in C#, with its nullable mark.</summary>
    public string ElementName => Element is null ? string.Empty : Element.TypeName + (ElementNullable ? "?" : string.Empty);

    public static JsonTypeModel Value(string name, bool isValueType, string converter) => new(JsonTypeKind.Value, name, isValueType, converter, null, false);

    public static JsonTypeModel Class(string name) => new(JsonTypeKind.Object, name, false, null, null, false);

    public static JsonTypeModel ListOf(JsonTypeModel element, bool nullable) => new(JsonTypeKind.List, string.Empty, false, null, element, nullable);

    public static JsonTypeModel MapOf(JsonTypeModel element, bool nullable) => new(JsonTypeKind.Map, string.Empty, false, null, element, nullable);
}
