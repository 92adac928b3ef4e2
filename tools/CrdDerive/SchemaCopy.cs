using YamlDotNet.RepresentationModel;

namespace CrdDerive;

/// <summary>
/// Copies an OpenAPI v3 schema with every fact kept (types, formats, enums, bounds, required, defaults,
/// nullable, <c>x-kubernetes-*</c> markers and CEL rules with their messages) and every upstream
/// <c>description</c> dropped; our own text goes in where the catalog has one.
/// </summary>
internal static class SchemaCopy
{
    public static YamlMappingNode Copy(YamlMappingNode schema, string path, Func<string, string?>? describe)
    {
        var result = new YamlMappingNode();
        if (describe?.Invoke(path) is { } text)
        {
            result.Add("description", new YamlScalarNode(text));
        }

        foreach (var (keyNode, value) in schema.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "description":
                    break;
                case "properties" when value is YamlMappingNode properties:
                    var copied = new YamlMappingNode();
                    foreach (var (name, property) in properties.Children)
                    {
                        copied.Add(name, Copy((YamlMappingNode)property, $"{path}.{((YamlScalarNode)name).Value}", describe));
                    }

                    result.Add(keyNode, copied);
                    break;
                case "items" when value is YamlMappingNode items:
                    result.Add(keyNode, Copy(items, path + "[]", describe));
                    break;
                case "additionalProperties" when value is YamlMappingNode values:
                    result.Add(keyNode, Copy(values, path + "{}", describe));
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is YamlSequenceNode alternatives:
                    // Validation-only branches: facts kept, no descriptions of ours.
                    result.Add(keyNode, new YamlSequenceNode(alternatives.Children.Select(a => a is YamlMappingNode m ? Copy(m, path, null) : a)));
                    break;
                case "not" when value is YamlMappingNode negated:
                    result.Add(keyNode, Copy(negated, path, null));
                    break;
                default:
                    result.Add(keyNode, value);
                    break;
            }
        }

        return result;
    }
}
