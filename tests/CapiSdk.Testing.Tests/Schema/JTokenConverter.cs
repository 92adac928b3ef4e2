using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>
/// System.Text.Json nodes as the Newtonsoft tokens NJsonSchema validates, exactly as reading their JSON text would make
/// them (dates kept as strings; integers as long, or BigInteger past it; other numbers as double), without the text.
/// </summary>
internal static class JTokenConverter
{
    /// <summary>The object's token, leaving out its property <paramref name="skip"/> (none when null).</summary>
    public static JObject ToJObject(JsonObject obj, string? skip)
    {
        var result = new JObject();
        foreach (var (key, value) in obj)
        {
            if (skip is null || key != skip)
            {
                result[key] = ToToken(value);
            }
        }
        return result;
    }

    private static JToken ToToken(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JValue.CreateNull();
            case JsonObject o:
                return ToJObject(o, skip: null);
            case JsonArray a:
                var array = new JArray();
                foreach (var item in a)
                {
                    array.Add(ToToken(item));
                }
                return array;
            default:
                return Scalar(node.AsValue());
        }
    }

    private static JValue Scalar(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new JValue(value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString()));
            case JsonValueKind.True:
                return new JValue(true);
            case JsonValueKind.False:
                return new JValue(false);
            case JsonValueKind.Number:
                var text = value.ToJsonString();
                if (text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
                {
                    return new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                }
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? new JValue(l)
                    : new JValue(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            default:
                return JValue.CreateNull();
        }
    }
}
