using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Testing.Resources;

/// <summary>Reads YAML (one or many documents) into System.Text.Json nodes, resolving plain scalars like YAML 1.2's core schema.</summary>
internal static class YamlJson
{
    public static List<JsonNode?> ReadDocuments(string yaml)
    {
        if (yaml.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal) && ReadPlainJson(yaml) is { } json)
        {
            return [json];
        }
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var result = new List<JsonNode?>();
        foreach (var doc in stream.Documents)
        {
            if (doc.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }
            result.Add(Convert(doc.RootNode));
        }
        return result;
    }

    /// <summary>
    /// A JSON object that reads the same as YAML (no escapes, integers only in canonical form, no repeated keys), parsed
    /// as JSON: the same nodes without the YAML parser's cost (most clients send apply patches as JSON); otherwise null.
    /// </summary>
    private static JsonObject? ReadPlainJson(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes);
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName when reader.ValueIsEscaped || !keys.Peek().Add(reader.GetString()!):
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        return null;
                    case JsonTokenType.Number when !reader.TryGetInt64(out var n) || !reader.ValueSpan.SequenceEqual(Encoding.UTF8.GetBytes(n.ToString(CultureInfo.InvariantCulture))):
                        return null;
                    default:
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return JsonNode.Parse(bytes) as JsonObject;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode s => ConvertScalar(s),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in map.Children)
        {
            obj[((YamlScalarNode)k).Value ?? ""] = Convert(v);
        }
        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode s)
    {
        var value = s.Value ?? "";
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }
        if (!s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value == "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(value);
        }
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }
        if ((char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(value);
    }
}
