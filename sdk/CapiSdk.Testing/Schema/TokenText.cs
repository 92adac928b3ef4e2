using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// How a value is shown in an error message and compared with enum values: compact JSON as the validator's messages
/// have always shown it (a number with a fraction or exponent as a double, written with at least one decimal place).
/// </summary>
internal static class TokenText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsFloat(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number && value.ToJsonString().AsSpan().IndexOfAny('.', 'e', 'E') >= 0;

    /// <summary>The JSON type name: string, integer, number, boolean, object, array or null.</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => IsFloat(node.AsValue()) ? "number" : "integer",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };

    public static string Compact(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    /// <summary>The value as text for an enum comparison: a string's own text, True/False, a number's value; null for null.</summary>
    public static string? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject or JsonArray => node.ToJsonString(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Number => IsFloat(node.AsValue())
                ? double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.CurrentCulture)
                : node.ToJsonString(),
            _ => null,
        },
    };

    private static void Write(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                return;
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in o)
                {
                    sb.Append(first ? "" : ",").Append(JsonSerializer.Serialize(k, Relaxed)).Append(':');
                    Write(v, sb);
                    first = false;
                }
                sb.Append('}');
                return;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    Write(a[i], sb);
                }
                sb.Append(']');
                return;
        }
        var kind = node.GetValueKind();
        if (kind == JsonValueKind.String)
        {
            sb.Append(JsonSerializer.Serialize(node.GetValue<string>(), Relaxed));
        }
        else if (kind == JsonValueKind.Number && IsFloat(node.AsValue()))
        {
            var text = double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            sb.Append(text);
            if (text.AsSpan().IndexOfAny('.', 'E') < 0 && !text.Contains("Infinity", StringComparison.Ordinal) && text != "NaN")
            {
                sb.Append(".0");
            }
        }
        else
        {
            sb.Append(node.ToJsonString());
        }
    }
}
