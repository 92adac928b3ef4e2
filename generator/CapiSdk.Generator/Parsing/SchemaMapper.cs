using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Maps one version's openAPIV3Schema to C# types. Nested objects become classes and string enums extensible
/// enum structs, each recorded with its shape and where it sits (<see cref="TypeUse"/>) but not yet named: the
/// namer (<see cref="Naming.TypeNamer"/>) names them once every CRD of the namespace is read, and merges equal
/// shapes (see docs/naming.md). The validation-only keywords (<c>anyOf</c>, <c>oneOf</c>, <c>allOf</c>,
/// <c>not</c>) are read for docs only.
/// </summary>
internal sealed class SchemaMapper
{
    private static readonly string[] ObjectMemberNames = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "AdditionalProperties" };
    private static readonly string[] RootMemberNames = { "ApiVersion", "Kind", "Metadata", "KubeApiVersion", "KubeKind", "KubeGroup", "KubePluralName" };

    private readonly string _filePath;
    private readonly string _crdName;
    private readonly string _namespace;
    private readonly JsonTypeModel _intOrString;
    private readonly NameScope _typeNames;
    private readonly TypeNameMappings _mappings;
    private readonly KubernetesTypeMatcher? _kubernetesTypes;
    private readonly List<TypeModel> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics;
    private string _kindName = string.Empty;

    public SchemaMapper(string filePath, string crdName, string @namespace, NameScope typeNames, TypeNameMappings mappings, KubernetesTypeMatcher? kubernetesTypes, List<DiagnosticInfo> diagnostics)
    {
        _kubernetesTypes = kubernetesTypes;
        _filePath = filePath;
        _crdName = crdName;
        _namespace = @namespace;
        var intOrString = ClientLibrary.IntOrString;
        _intOrString = JsonTypeModel.Value(intOrString, isValueType: true, "new " + intOrString + ".JsonConverter()");
        _typeNames = typeNames;
        _mappings = mappings;
        _diagnostics = diagnostics;
    }

    /// <summary>The types mapped so far, root first, in schema order.</summary>
    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>Maps the root schema of a kind. A null schema gives untyped spec and status.</summary>
    public ObjectTypeModel MapRoot(string kindName, YamlMappingNode? schema)
    {
        // A kind named like a member every object has (Metadata, Kind, ApiVersion) gets "Object" appended: C#
        // forbids a member named as its class.
        var name = _typeNames.Claim(RootMemberNames.Contains(kindName) || ObjectMemberNames.Contains(kindName) ? kindName + "Object" : kindName);
        _kindName = kindName;
        var members = new NameScope(null, ObjectMemberNames.Concat(RootMemberNames).Concat(new[] { name }).ToArray());
        var properties = new List<PropertyModel>();
        var index = _types.Count;
        _types.Add(null!);
        if (schema is null)
        {
            properties.Add(new PropertyModel("spec", members.Claim("Spec"), JsonTypeModel.JsonNode, false, true, DocModel.None));
            properties.Add(new PropertyModel("status", members.Claim("Status"), JsonTypeModel.JsonNode, false, true, DocModel.None));
        }
        else
        {
            var required = new HashSet<string>(schema.Strings("required"));
            foreach (var (jsonName, propertySchema) in Properties(schema, "."))
            {
                if (jsonName is "apiVersion" or "kind" or "metadata")
                {
                    continue;
                }

                var propertyName = members.Claim(Identifiers.ToPascal(jsonName));
                var segment = Identifiers.ToPascal(jsonName);
                var type = Map(propertySchema, new Place("." + jsonName, 1, index, ParentIsSpec: false, segment, name + segment, IsSpec: jsonName == "spec"));
                var initialized = required.Contains(jsonName) && type.Kind == JsonTypeKind.Object;
                properties.Add(Property(jsonName, propertyName, type, propertySchema, required.Contains(jsonName), initialized));
            }
        }

        var root = new ObjectTypeModel(name, FullName(name), schema is null ? DocModel.None : Doc(schema, required: false), properties.ToEquatableArray(), EmbeddedResource: false);
        _types[index] = root;
        return root;
    }

    private JsonTypeModel Map(YamlNode node, Place place)
    {
        var path = place.Path;
        if (node is not YamlMappingNode schema)
        {
            Report(DiagnosticDescriptors.InvalidSchemaValue.Id, node, path, "schema", "a mapping");
            return JsonTypeModel.JsonNode;
        }

        if (schema.Child("$ref") is { } reference)
        {
            Unsupported(reference, path, "'$ref'", "CRD schemas must be self-contained: inline the referenced schema.");
            return JsonTypeModel.JsonNode;
        }

        if (schema.Bool("x-kubernetes-int-or-string"))
        {
            return _intOrString;
        }

        var typeNode = schema.Child("type");
        if (typeNode is not null and not YamlScalarNode)
        {
            Unsupported(typeNode, path, "a 'type' that is not a single name", "Use one type and 'nullable: true', as structural schemas require.");
            return JsonTypeModel.JsonNode;
        }

        var type = schema.String("type");
        if (schema.Bool("x-kubernetes-embedded-resource"))
        {
            return MapObject(schema, place, embedded: true);
        }

        switch (type)
        {
            case "object":
            case null when schema.Child("properties") is not null:
                return MapObjectOrMap(schema, place);
            case "array":
                return MapArray(schema, place);
            case "string":
                return MapString(schema, place);
            case "integer":
                return schema.String("format") == "int32" ? JsonTypeModel.Int : JsonTypeModel.Long;
            case "number":
                return JsonTypeModel.Double;
            case "boolean":
                return JsonTypeModel.Bool;
            case null:
                return JsonTypeModel.JsonNode;
            default:
                Unsupported(typeNode!, path, "type '" + type + "'", "Use one of object, array, string, integer, number or boolean.");
                return JsonTypeModel.JsonNode;
        }
    }

    private JsonTypeModel MapObjectOrMap(YamlMappingNode schema, Place place)
    {
        var path = place.Path;
        var properties = schema.Child("properties");
        if (properties is YamlMappingNode { Children.Count: > 0 })
        {
            return KubernetesType(schema, place) ?? MapObject(schema, place, embedded: false);
        }

        if (properties is YamlSequenceNode || (properties is YamlScalarNode scalar && !scalar.IsNull()))
        {
            Report(DiagnosticDescriptors.InvalidSchemaValue.Id, properties, path, "properties", "a mapping of property names to schemas");
        }

        switch (schema.Child("additionalProperties"))
        {
            case YamlMappingNode valueSchema:
                var value = Map(valueSchema, place with { Path = path + "{*}", Segment = place.Segment + "Value", LongName = place.LongName + "Value" });
                return JsonTypeModel.MapOf(value, valueSchema.Bool("nullable"));
            case YamlScalarNode { Value: "true" }:
                return JsonTypeModel.MapOf(JsonTypeModel.JsonNode, nullable: true);
            default:
                return JsonTypeModel.JsonObject;
        }
    }

    private JsonTypeModel MapObject(YamlMappingNode schema, Place place, bool embedded)
    {
        var path = place.Path;
        var index = _types.Count;
        _types.Add(null!);
        // Member names are made unique against the type's own name, which is not known yet: a property named
        // like the last part of it is renamed when the type is named (see TypeNamer).
        var reserved = ObjectMemberNames.AsEnumerable();
        if (embedded)
        {
            reserved = reserved.Concat(new[] { "ApiVersion", "Kind", "Metadata" });
        }

        var members = new NameScope(null, reserved.ToArray());
        var required = new HashSet<string>(schema.Strings("required"));
        var properties = new List<PropertyModel>();
        if (embedded)
        {
            properties.Add(new PropertyModel("apiVersion", "ApiVersion", JsonTypeModel.String, false, true, DocModel.None));
            properties.Add(new PropertyModel("kind", "Kind", JsonTypeModel.String, false, true, DocModel.None));
            properties.Add(new PropertyModel("metadata", "Metadata", JsonTypeModel.ObjectMeta, false, true, DocModel.None));
        }

        foreach (var (jsonName, propertySchema) in Properties(schema, path))
        {
            if (embedded && jsonName is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            var propertyName = members.Claim(Identifiers.ToPascal(jsonName));
            var segment = Identifiers.ToPascal(jsonName);
            var type = Map(propertySchema, new Place(path + "." + jsonName, place.Depth + 1, index, place.IsSpec, segment, place.LongName + segment, IsSpec: false));
            properties.Add(Property(jsonName, propertyName, type, propertySchema, required.Contains(jsonName), initialized: false));
        }

        var doc = Doc(schema, required: false, fallback: "The object at " + path + ".");
        var shape = ShapeKey.Of(embedded, doc, properties, OwnKind(place));
        _types[index] = new ObjectTypeModel(ShapeKey.Placeholder(shape), FullName(ShapeKey.Placeholder(shape)), doc, properties.ToEquatableArray(), embedded)
        {
            Shape = shape,
            Use = Use(place),
        };
        return JsonTypeModel.Class(FullName(ShapeKey.Placeholder(shape)));
    }

    private JsonTypeModel MapArray(YamlMappingNode schema, Place place)
    {
        var path = place.Path;
        if (schema.Child("items") is not { } items)
        {
            return JsonTypeModel.ListOf(JsonTypeModel.JsonNode, nullable: true);
        }

        if (items is YamlSequenceNode)
        {
            Unsupported(items, path, "tuple 'items' (a list of schemas)", "Give 'items' a single schema.");
            return JsonTypeModel.ListOf(JsonTypeModel.JsonNode, nullable: true);
        }

        var element = Map(items, place with { Path = path + "[*]", Segment = Singular.Of(place.Segment), LongName = Singular.Of(place.LongName) });
        var nullable = items is YamlMappingNode itemSchema && itemSchema.Bool("nullable");
        return JsonTypeModel.ListOf(element, nullable || element == JsonTypeModel.JsonNode);
    }

    private JsonTypeModel MapString(YamlMappingNode schema, Place place)
    {
        switch (schema.String("format"))
        {
            case "date-time":
                return JsonTypeModel.DateTimeOffset;
            case "int-or-string":
                return _intOrString;
        }

        if (schema.Child("enum") is YamlSequenceNode values && values.Children.Count > 0)
        {
            return MapEnum(schema, values, place);
        }

        return JsonTypeModel.String;
    }

    private JsonTypeModel MapEnum(YamlMappingNode schema, YamlSequenceNode values, Place place)
    {
        var path = place.Path;
        var members = new NameScope(null, "Value", "Values", "Known", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType");
        var seen = new HashSet<string>();
        var result = new List<EnumMemberModel>();
        foreach (var item in values.Children)
        {
            if (item is not YamlScalarNode scalar)
            {
                Report(DiagnosticDescriptors.InvalidSchemaValue.Id, item, path, "enum", "a list of strings");
                continue;
            }

            var value = scalar.IsNull() ? null : scalar.Value ?? string.Empty;
            if (value is null || !seen.Add(value))
            {
                continue;
            }

            result.Add(new EnumMemberModel(value, members.Claim(Identifiers.ToEnumMember(value))));
        }

        var doc = Doc(schema, required: false, fallback: "The values allowed at " + path + ".");
        var shape = ShapeKey.Of(doc, result, OwnKind(place));
        var name = FullName(ShapeKey.Placeholder(shape));
        _types.Add(new EnumTypeModel(ShapeKey.Placeholder(shape), name, doc, result.ToEquatableArray()) { Shape = shape, Use = Use(place) });
        return JsonTypeModel.Value(name, isValueType: true, ClientLibrary.EnumConverter(name)) with { IsEnum = true };
    }

    /// <summary>
    /// The KubernetesClient class an object schema is typed as (<c>CapiSdkUseKubernetesTypes</c>), if any; a refusal is
    /// reported (CAPISDK014). A kind's own spec and status, its <c>status.conditions</c> (which its condition helpers
    /// need as a generated type) and a place named in <c>CapiSdkTypeNames</c> are always generated.
    /// </summary>
    private JsonTypeModel? KubernetesType(YamlMappingNode schema, Place place)
    {
        if (_kubernetesTypes is null || place.Depth < 2 || place.Path == ".status.conditions[*]" || _mappings.Find(_kindName + place.Path) is not null)
        {
            return null;
        }

        var (type, refused, reason) = _kubernetesTypes.Match(schema, place.Segment);
        if (refused is not null)
        {
            Report(DiagnosticDescriptors.KubernetesTypeRefused.Id, schema, place.Path, refused, reason!);
        }

        return type;
    }

    /// <summary>A kind's own <c>spec</c> and <c>status</c> (depth 1) are never shared with another kind: people write <c>new {Kind}Spec</c>.</summary>
    private string? OwnKind(Place place) => place.Depth == 1 ? _kindName : null;

    private TypeUse Use(Place place) =>
        new(_kindName + place.Path, place.Depth, place.ParentIndex, place.ParentIsSpec, place.Segment, place.LongName, _mappings.Find(_kindName + place.Path));

    /// <summary>Where a schema sits while it is mapped: what its <see cref="TypeUse"/> will say.</summary>
    private sealed record Place(string Path, int Depth, int ParentIndex, bool ParentIsSpec, string Segment, string LongName, bool IsSpec);

    private static PropertyModel Property(string jsonName, string name, JsonTypeModel type, YamlNode schema, bool required, bool initialized) =>
        new(jsonName, name, type, initialized, IgnoreWhenNull: true, schema is YamlMappingNode mapping ? Doc(mapping, required) : DocModel.None);

    private string FullName(string name) => "global::" + _namespace + "." + name;

    private IEnumerable<(string Name, YamlNode Schema)> Properties(YamlMappingNode schema, string path)
    {
        var properties = schema.Child("properties");
        if (properties is null)
        {
            yield break;
        }

        if (properties is not YamlMappingNode mapping)
        {
            Report(DiagnosticDescriptors.InvalidSchemaValue.Id, properties, path, "properties", "a mapping of property names to schemas");
            yield break;
        }

        foreach (var pair in mapping.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } key })
            {
                yield return (key, pair.Value);
            }
        }
    }

    /// <summary>The schema's description and facts; <paramref name="fallback"/> stands in for a missing description.</summary>
    private static DocModel Doc(YamlMappingNode schema, bool required, string? fallback = null) =>
        new(schema.String("description") ?? fallback, SchemaFacts.Describe(schema, required).ToEquatableArray());

    private void Unsupported(YamlNode node, string path, string construct, string fix) =>
        Report(DiagnosticDescriptors.UnsupportedSchema.Id, node, path, construct, fix);

    /// <summary>The schema diagnostics take the same arguments: path, CRD name, what, and what to do (or why).</summary>
    private void Report(string id, YamlNode node, string path, string what, string detail) =>
        _diagnostics.Add(new DiagnosticInfo(id, _filePath, node.Line(), node.Column(), new[] { path, _crdName, what, detail }.ToEquatableArray()));
}
