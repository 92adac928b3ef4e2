using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Whether values of an object schema survive a round trip through a KubernetesClient class (docs/kubernetes-types.md):
/// every field the schema allows exists in the class (by JSON name) with a type that reads and writes every value the
/// schema allows unchanged, recursively; no object keeps unknown fields or is an embedded resource; and a field the
/// class always writes (a non-nullable number, flag or time) is one the schema requires. The answer is null, or the
/// first reason why not, naming the field.
/// </summary>
internal sealed class KubernetesTypeCompatibility
{
    private readonly Dictionary<string, KubernetesTypeModel> _types;

    public KubernetesTypeCompatibility(Dictionary<string, KubernetesTypeModel> types) => _types = types;

    /// <summary>Null when <paramref name="schema"/> fits <paramref name="type"/>; otherwise why not.</summary>
    public string? Check(YamlMappingNode schema, KubernetesTypeModel type) => Object(schema, type, string.Empty);

    private string? Object(YamlMappingNode schema, KubernetesTypeModel type, string path)
    {
        var name = KubernetesTypeMatcher.ShortName(type.FullName);
        var at = path.Length == 0 ? "the object" : "'" + path + "'";
        if (schema.Bool("x-kubernetes-preserve-unknown-fields"))
        {
            return at + " keeps unknown fields (x-kubernetes-preserve-unknown-fields), which " + name + " would drop.";
        }

        if (schema.Bool("x-kubernetes-embedded-resource"))
        {
            return at + " is an embedded resource, which " + name + " is not.";
        }

        var required = new HashSet<string>(schema.Strings("required"));
        var properties = schema.Mapping("properties")?.Children.ToList() ?? new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (var pair in properties)
        {
            var jsonName = (pair.Key as YamlScalarNode)?.Value ?? string.Empty;
            var fieldPath = path.Length == 0 ? jsonName : path + "." + jsonName;
            var property = type.Properties.FirstOrDefault(p => p.JsonName == jsonName);
            if (property is null)
            {
                return type.Unreadable.Contains(jsonName)
                    ? "'" + fieldPath + "' is a field of " + name + " whose type the JSON context cannot read and write without reflection."
                    : "'" + fieldPath + "' is not a field of " + name + ", so its value would be dropped.";
            }

            if (Value(pair.Value, property.Type, fieldPath) is { } reason)
            {
                return reason;
            }

            if (property.Initialized && (!required.Contains(jsonName) || (pair.Value is YamlMappingNode field && field.Bool("nullable"))))
            {
                return "'" + fieldPath + "' is optional, but " + name + "." + property.Name + " is " + Article(property.Type.TypeName) + " that is never null: an object without it would be written back with a default value.";
            }
        }

        foreach (var property in type.Properties.Where(p => p.Initialized && !properties.Any(k => (k.Key as YamlScalarNode)?.Value == p.JsonName)))
        {
            return at + " has no '" + property.JsonName + "', but " + name + "." + property.Name + " is " + Article(property.Type.TypeName) + " that is never null: it would be written back with a default value.";
        }

        return null;
    }

    private string? Value(YamlNode node, JsonTypeModel expected, string path)
    {
        if (node is not YamlMappingNode schema)
        {
            return "'" + path + "' is not a schema.";
        }

        var schemaType = Describe(schema);
        var fits = expected.Kind switch
        {
            JsonTypeKind.Object => schemaType == "object",
            JsonTypeKind.List => schemaType == "array" && schema.Child("items") is YamlMappingNode,
            JsonTypeKind.Map => schemaType == "object" && schema.Child("properties") is null && schema.Child("additionalProperties") is YamlMappingNode,
            _ => expected == JsonTypeModel.Object || Scalar(schemaType, schema, expected),
        };
        if (!fits)
        {
            return "'" + path + "' is " + schemaType + Format(schema) + ", which " + CSharp(expected) + " does not hold unchanged.";
        }

        switch (expected.Kind)
        {
            case JsonTypeKind.Object:
                // The catalogue holds every class a candidate reaches.
                return Object(schema, _types[expected.Name], path);
            case JsonTypeKind.List:
            case JsonTypeKind.Map:
                var element = (YamlMappingNode)schema.Child(expected.Kind == JsonTypeKind.List ? "items" : "additionalProperties")!;
                var elementPath = path + (expected.Kind == JsonTypeKind.List ? "[*]" : "{*}");
                if (element.Bool("nullable") && expected.Element!.IsValueType && !expected.ElementNullable)
                {
                    return "'" + elementPath + "' may be null, which " + CSharp(expected.Element) + " cannot hold.";
                }

                return Value(element, expected.Element!, elementPath);
            default:
                return null;
        }
    }

    /// <summary>What the schema says a value is: object, array, string, integer, number, boolean, int-or-string or untyped.</summary>
    private static string Describe(YamlMappingNode schema)
    {
        if (schema.Bool("x-kubernetes-int-or-string"))
        {
            return "int-or-string";
        }

        return schema.String("type") switch
        {
            null when schema.Child("properties") is not null => "object",
            null => "untyped",
            var type => type,
        };
    }

    /// <summary>
    /// Whether a value of the schema reads into <paramref name="expected"/> and writes back unchanged. A quantity needs
    /// the quantity <c>pattern</c> the Kubernetes schemas carry: ResourceQuantity cannot read any other string.
    /// </summary>
    private static bool Scalar(string schemaType, YamlMappingNode schema, JsonTypeModel expected) => (expected.Name, schema.String("format")) switch
    {
        ("string", var format) => schemaType == "string" && format != "int-or-string",
        ("global::System.DateTime" or "global::System.DateTimeOffset", "date-time") => schemaType == "string",
        ("long", _) => schemaType == "integer",
        ("int", "int32") => schemaType == "integer",
        ("double", _) => schemaType == "number",
        ("bool", _) => schemaType == "boolean",
        ("global::k8s.Models.IntOrString", var format) => schemaType == "int-or-string" || (schemaType == "string" && format == "int-or-string"),
        ("global::k8s.Models.ResourceQuantity", _) => schemaType == "int-or-string" && schema.String("pattern") is not null,
        _ => false,
    };

    private static string Article(string typeName)
    {
        var name = typeName.Replace("global::", string.Empty);
        return ("aeiou".IndexOf(char.ToLowerInvariant(name[0])) >= 0 ? "an " : "a ") + name;
    }

    private static string Format(YamlMappingNode schema) => schema.String("format") is { } format ? " (format " + format + ")" : string.Empty;

    private static string CSharp(JsonTypeModel type) => type.TypeName.Replace("global::", string.Empty);
}
