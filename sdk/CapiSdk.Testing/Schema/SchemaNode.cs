using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>Helpers for reading a structural (openAPIV3Schema) schema node and its Kubernetes extensions.</summary>
internal static class SchemaNode
{
    public static JsonObject? Property(JsonObject? schema, string name)
    {
        if (schema is null)
        {
            return null;
        }
        if (schema["properties"] is JsonObject props && props[name] is JsonObject p)
        {
            return p;
        }
        return schema["additionalProperties"] as JsonObject;
    }

    public static bool HasProperty(JsonObject? schema, string name) =>
        schema?["properties"] is JsonObject props && props.ContainsKey(name);

    public static JsonObject? Items(JsonObject? schema) => schema?["items"] as JsonObject;

    public static bool PreservesUnknownFields(JsonObject? schema) =>
        schema?["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;

    /// <summary>True when unknown keys in an object with this schema are kept (no properties, a map, or preserve-unknown-fields).</summary>
    public static bool AllowsUnknownKeys(JsonObject? schema) =>
        schema is null || PreservesUnknownFields(schema) || schema["additionalProperties"] is JsonObject ||
        schema["additionalProperties"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    public static bool IsNullable(JsonObject? schema) => schema is null || schema["nullable"]?.GetValue<bool>() == true;

    public static bool IsEmbeddedResource(JsonObject? schema) =>
        schema?["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true;

    /// <summary>"atomic" (the default), "set" or "map".</summary>
    public static string ListType(JsonObject? schema) => (string?)schema?["x-kubernetes-list-type"] ?? "atomic";

    public static IReadOnlyList<string> ListMapKeys(JsonObject? schema) =>
        schema?["x-kubernetes-list-map-keys"] is JsonArray a ? a.Select(x => (string?)x ?? "").ToList() : [];

    /// <summary>"granular" (the default) or "atomic".</summary>
    public static string MapType(JsonObject? schema) => (string?)schema?["x-kubernetes-map-type"] ?? "granular";
}
