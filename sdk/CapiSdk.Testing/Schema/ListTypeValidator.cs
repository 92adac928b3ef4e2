using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// The uniqueness invariants of <c>x-kubernetes-list-type: set</c> (whole items) and <c>map</c> (the
/// <c>x-kubernetes-list-map-keys</c>), reported as the real server reports them: <c>Duplicate value</c> on the
/// second occurrence, e.g. <c>spec.topology.variables[1]: Duplicate value: map[string]interface {}{"name":"x"}</c>.
/// </summary>
internal static class ListTypeValidator
{
    // Whether a schema node has a set or map list at or under it, worked out once per node of a compiled schema.
    private static readonly ConditionalWeakTable<JsonObject, StrongBox<bool>> HasListTypes = new();

    /// <summary>True when the schema has a set or map list anywhere, i.e. when validating can find anything.</summary>
    public static bool Applies(JsonObject? schema) =>
        schema is not null && (SchemaNode.ListType(schema) is "set" or "map"
            || (schema["properties"] as JsonObject)?.Any(p => Applies(p.Value as JsonObject)) == true
            || Applies(SchemaNode.Items(schema))
            || Applies(schema["additionalProperties"] as JsonObject));

    public static List<FieldError> Validate(JsonObject schema, JsonObject obj)
    {
        var errors = new List<FieldError>();
        Walk(schema, obj, "", errors);
        return errors;
    }

    private static void Walk(JsonObject? schema, JsonNode? value, string path, List<FieldError> errors)
    {
        if (schema is null)
        {
            return;
        }
        switch (value)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    // Only where a set or map list can be: nothing else can fail, so no paths are built for it.
                    if ((SchemaNode.HasProperty(schema, key) || schema["additionalProperties"] is JsonObject)
                        && SchemaNode.Property(schema, key) is { } childSchema && CanFind(childSchema))
                    {
                        Walk(childSchema, child, FieldPaths.Child(path, key, schema), errors);
                    }
                }
                break;
            case JsonArray a:
                switch (SchemaNode.ListType(schema))
                {
                    case "set":
                        foreach (var i in Duplicates(a.Select(x => x?.ToJsonString() ?? "null").ToList()))
                        {
                            errors.Add(new FieldError("FieldValueDuplicate", $"Duplicate value: {GoValue.Format(a[i])}", $"{path}[{i}]"));
                        }
                        break;
                    case "map":
                        CheckMap(schema, a, path, errors);
                        break;
                }
                if (SchemaNode.Items(schema) is { } items && CanFind(items))
                {
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(items, a[i], $"{path}[{i}]", errors);
                    }
                }
                break;
        }
    }

    private static bool CanFind(JsonObject schema) => HasListTypes.GetValue(schema, static s => new StrongBox<bool>(Applies(s))).Value;

    private static void CheckMap(JsonObject schema, JsonArray a, string path, List<FieldError> errors)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is not (null or JsonObject))
            {
                errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: {GoValue.Format(a[i])}: must be an object for an array of list-type map", $"{path}[{i}]"));
                return;
            }
        }
        var keys = SchemaNode.ListMapKeys(schema);
        var keyObjects = a.Select(item => KeyOf(item as JsonObject, keys)).ToList();
        foreach (var i in Duplicates(keyObjects.Select(k => k.ToJsonString()).ToList()))
        {
            errors.Add(new FieldError("FieldValueDuplicate", $"Duplicate value: {GoValue.Format(keyObjects[i])}", $"{path}[{i}]"));
        }
    }

    /// <summary>The item's list-map keys as an object (missing keys left out), the value the real server reports.</summary>
    public static JsonObject KeyOf(JsonObject? item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var k in keys)
        {
            if (item is not null && item.TryGetPropertyValue(k, out var v))
            {
                key[k] = v?.DeepClone();
            }
        }
        return key;
    }

    /// <summary>Indexes of the second occurrence of each repeated value (later repeats are not reported again).</summary>
    private static List<int> Duplicates(List<string> values)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            seen.TryGetValue(values[i], out var times);
            seen[values[i]] = times + 1;
            if (times == 1)
            {
                result.Add(i);
            }
        }
        return result;
    }
}
