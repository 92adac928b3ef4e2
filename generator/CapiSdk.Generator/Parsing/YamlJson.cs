using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>Writes a YAML node as compact JSON, for showing defaults and enum values in docs.</summary>
internal static class YamlJson
{
    public static string ToJson(YamlNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    /// <summary>A scalar's value as it is written in JSON: numbers, booleans and null bare, the rest quoted.</summary>
    public static string ScalarToJson(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (scalar.IsNull())
            {
                return "null";
            }

            if (value is "true" or "false" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return value;
            }
        }

        return Quote(value);
    }

    private static void Write(YamlNode node, StringBuilder builder)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(ScalarToJson(scalar));
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in sequence.Children)
                {
                    if (!firstItem)
                    {
                        builder.Append(',');
                    }

                    firstItem = false;
                    Write(item, builder);
                }

                builder.Append(']');
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                var firstPair = true;
                foreach (var pair in mapping.Children)
                {
                    if (!firstPair)
                    {
                        builder.Append(',');
                    }

                    firstPair = false;
                    builder.Append(Quote(pair.Key is YamlScalarNode key ? key.Value ?? string.Empty : string.Empty)).Append(':');
                    Write(pair.Value, builder);
                }

                builder.Append('}');
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
