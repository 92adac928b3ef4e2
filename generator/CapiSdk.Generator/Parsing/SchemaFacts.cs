using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Emitting;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// The validation facts of a schema that a user wants to see in IntelliSense: required, enum values, bounds,
/// pattern, format, default, list and map markers, CEL rules. Each fact is an XML doc fragment, already escaped.
/// </summary>
internal static class SchemaFacts
{
    private const int MaxShownValues = 40;

    /// <summary>The facts that are part of a type's shape (what is sent and accepted), as opposed to validation.</summary>
    private static readonly string[] ShapeFactPrefixes = { "Required.", "Allowed values: ", "Format: ", "Nullable.", "List type: ", "Map type: ", "Unknown fields are preserved" };

    /// <summary>
    /// True for a fact that says what a value is (required, enum values, format, nullable, list and map markers,
    /// preserved unknown fields); false for validation (bounds, patterns, defaults, rules), which does not make
    /// two otherwise equal schemas two types.
    /// </summary>
    public static bool IsShapeFact(string fact) => ShapeFactPrefixes.Any(p => fact.StartsWith(p, System.StringComparison.Ordinal));

    public static IEnumerable<string> Describe(YamlMappingNode schema, bool required)
    {
        if (required)
        {
            yield return "Required.";
        }

        if (schema.Child("enum") is YamlSequenceNode values)
        {
            var shown = values.Children.OfType<YamlScalarNode>().Take(MaxShownValues).Select(v => Code(YamlJson.ScalarToJson(v)));
            var more = values.Children.Count > MaxShownValues ? ", …" : string.Empty;
            yield return "Allowed values: " + string.Join(", ", shown) + more + ".";
        }

        if (schema.String("format") is { } format)
        {
            yield return "Format: " + Code(format) + ".";
        }

        if (schema.String("pattern") is { } pattern)
        {
            yield return "Pattern: " + Code(pattern) + ".";
        }

        foreach (var fact in Bounds(schema))
        {
            yield return fact;
        }

        if (schema.Child("default") is { } defaultValue)
        {
            yield return "Default: " + Code(YamlJson.ToJson(defaultValue)) + ".";
        }

        if (schema.Bool("nullable"))
        {
            yield return "Nullable.";
        }

        if (schema.String("x-kubernetes-list-type") is { } listType)
        {
            var keys = schema.Strings("x-kubernetes-list-map-keys").ToList();
            yield return "List type: " + Code(listType) + (keys.Count > 0 ? ", keyed by " + string.Join(", ", keys.Select(Code)) : string.Empty) + ".";
        }

        if (schema.String("x-kubernetes-map-type") is { } mapType)
        {
            yield return "Map type: " + Code(mapType) + ".";
        }

        if (schema.Bool("x-kubernetes-preserve-unknown-fields"))
        {
            yield return "Unknown fields are preserved by the server.";
        }

        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf", "not" })
        {
            if (schema.Child(keyword) is not null)
            {
                yield return "Also validated by " + Code(keyword) + ".";
            }
        }

        if (schema.Sequence("x-kubernetes-validations") is { } rules)
        {
            foreach (var rule in rules.Children.OfType<YamlMappingNode>())
            {
                if (rule.String("rule") is { } expression)
                {
                    var message = rule.String("message");
                    yield return "Rule: " + Code(expression) + (message is null ? "." : " (" + SourceWriter.EscapeXml(message) + ").");
                }
            }
        }
    }

    private static IEnumerable<string> Bounds(YamlMappingNode schema)
    {
        if (schema.Number("minimum") is { } minimum)
        {
            yield return (schema.Bool("exclusiveMinimum") ? "Greater than " : "Minimum: ") + Code(minimum) + ".";
        }

        if (schema.Number("maximum") is { } maximum)
        {
            yield return (schema.Bool("exclusiveMaximum") ? "Less than " : "Maximum: ") + Code(maximum) + ".";
        }

        foreach (var (keyword, label) in new[]
        {
            ("minLength", "Minimum length"), ("maxLength", "Maximum length"),
            ("minItems", "Minimum items"), ("maxItems", "Maximum items"),
            ("minProperties", "Minimum properties"), ("maxProperties", "Maximum properties"),
            ("multipleOf", "Multiple of"),
        })
        {
            if (schema.Number(keyword) is { } value)
            {
                yield return label + ": " + Code(value) + ".";
            }
        }
    }

    private static string Code(string value) => "<c>" + SourceWriter.EscapeXml(value) + "</c>";
}
