using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>Field paths as the real server's field.Path prints them: <c>spec.a[0].b</c>, map keys as <c>labels[key]</c>.</summary>
internal static class FieldPaths
{
    /// <summary>The path of property or map key <paramref name="key"/> of an object with <paramref name="schema"/>.</summary>
    public static string Child(string path, string key, JsonObject? schema)
    {
        if (!SchemaNode.HasProperty(schema, key) && schema?["additionalProperties"] is JsonObject)
        {
            return $"{path}[{key}]";
        }
        return path.Length == 0 ? key : path + "." + key;
    }
}
