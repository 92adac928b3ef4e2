using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>Field errors and paths as <see cref="CompiledSchema"/> reports them.</summary>
internal static class SchemaErrors
{
    private static readonly char[] PathSpecial = ['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029'];

    /// <summary>A map entry's path as JSON.NET's JToken.Path writes it (a key with special characters in ['...']).</summary>
    public static string KeyPath(string path, string name) =>
        name.IndexOfAny(PathSpecial) >= 0
            ? path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']"
            : path.Length > 0 ? path + "." + name : name;

    public static FieldError Generic(JsonNode? node, string path, string kind) =>
        new("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {kind}", path);

    public static FieldError TypeError(JsonNode? node, string path, string type)
    {
        var actual = TokenText.TypeName(node);
        return new("FieldValueTypeInvalid", $"Invalid value: \"{actual}\": {path} in body must be of type {type}: \"{actual}\"", path);
    }
}
