using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>Small, allocation-light accessors over YamlDotNet's representation model.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(this YamlMappingNode node, string key)
    {
        foreach (var pair in node.Children)
        {
            if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static YamlMappingNode? Mapping(this YamlMappingNode node, string key) => node.Child(key) as YamlMappingNode;

    public static YamlSequenceNode? Sequence(this YamlMappingNode node, string key) => node.Child(key) as YamlSequenceNode;

    public static string? String(this YamlMappingNode node, string key) =>
        node.Child(key) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public static bool Bool(this YamlMappingNode node, string key) =>
        node.Child(key) is YamlScalarNode { Value: { } value } && (value == "true" || value == "True" || value == "TRUE");

    public static string? Number(this YamlMappingNode node, string key) =>
        node.Child(key) is YamlScalarNode { Value: { } value } && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value : null;

    public static IEnumerable<string> Strings(this YamlMappingNode node, string key)
    {
        if (node.Child(key) is not YamlSequenceNode sequence)
        {
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value })
            {
                yield return value;
            }
        }
    }

    public static bool IsNull(this YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>Zero-based line of a node (YamlDotNet counts from one).</summary>
    public static int Line(this YamlNode node) => (int)node.Start.Line - 1;

    /// <summary>Zero-based column of a node.</summary>
    public static int Column(this YamlNode node) => (int)node.Start.Column - 1;
}
