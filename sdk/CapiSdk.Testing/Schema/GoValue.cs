using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// Prints a JSON value the way the real server's field errors print an unstructured value: strings quoted, numbers
/// and booleans plain at the top level, and maps and lists in Go's <c>%#v</c> form
/// (<c>map[string]interface {}{"name":"x"}</c>), which is what clients see in Duplicate value messages.
/// </summary>
internal static class GoValue
{
    public static string Format(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonObject or JsonArray => GoSyntax(value),
        _ when value.GetValueKind() == JsonValueKind.String => Quote((string)value!),
        _ => Scalar(value),
    };

    private static string GoSyntax(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return "interface {}(nil)";
            case JsonObject o:
                var sb = new StringBuilder("map[string]interface {}{");
                sb.AppendJoin(", ", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quote(p.Key) + ":" + GoSyntax(p.Value)));
                return sb.Append('}').ToString();
            case JsonArray a:
                return "[]interface {}{" + string.Join(", ", a.Select(GoSyntax)) + "}";
            default:
                return value.GetValueKind() == JsonValueKind.String ? Quote((string)value!) : Scalar(value);
        }
    }

    private static string Scalar(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ when value.AsValue().TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Quote(string s) => JsonSerializer.Serialize(s, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
