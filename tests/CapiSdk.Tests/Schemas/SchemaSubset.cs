using YamlDotNet.RepresentationModel;

namespace CapiSdk.Tests.Schemas;

/// <summary>
/// Compares one of our OpenAPI v3 schemas against its upstream counterpart: ours may leave things out,
/// but everything it does say has to agree with upstream.
/// </summary>
internal static class SchemaSubset
{
    /// <summary>Keywords that must be equal on both sides (absent on one side counts as a difference).</summary>
    public static readonly string[] EqualKeywords =
    [
        "type",
        "format",
        "nullable",
        "x-kubernetes-list-type",
        "x-kubernetes-list-map-keys",
        "x-kubernetes-map-type",
        "x-kubernetes-int-or-string",
        "x-kubernetes-preserve-unknown-fields",
        "x-kubernetes-embedded-resource",
    ];

    /// <summary>Constraints we may leave out, but when we state one it has to be upstream's.</summary>
    public static readonly string[] OptionalEqualKeywords =
    [
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
        "default",
    ];

    public static IEnumerable<string> Compare(YamlNode ours, YamlNode? upstream, string path)
    {
        if (upstream is not YamlMappingNode up)
        {
            yield return $"{path}: declared here but upstream has no such schema";
            yield break;
        }

        if (ours is not YamlMappingNode our)
        {
            yield return $"{path}: schema is not a mapping";
            yield break;
        }

        foreach (var keyword in EqualKeywords)
        {
            var mine = our.Child(keyword).Canonical();
            var theirs = up.Child(keyword).Canonical();
            if (mine != theirs)
            {
                yield return $"{path}: {keyword} is {mine} here but {theirs} upstream";
            }
        }

        foreach (var keyword in OptionalEqualKeywords)
        {
            if (our.Child(keyword) is { } stated && stated.Canonical() != up.Child(keyword).Canonical())
            {
                yield return $"{path}: {keyword} is {stated.Canonical()} here but {up.Child(keyword).Canonical()} upstream";
            }
        }

        if (our.Child("enum") is { } ourEnum)
        {
            var allowed = (up.Child("enum") as YamlSequenceNode)?.Children.Select(c => c.Canonical()).ToHashSet();
            if (allowed is null)
            {
                yield return $"{path}: enum {ourEnum.Canonical()} declared here but upstream has no enum";
            }
            else
            {
                foreach (var value in ((YamlSequenceNode)ourEnum).Children.Select(c => c.Canonical()).Where(v => !allowed.Contains(v)))
                {
                    yield return $"{path}: enum value '{value}' is not allowed upstream ({string.Join(", ", allowed)})";
                }
            }
        }

        if (our.Child("required") is YamlSequenceNode ourRequired)
        {
            var upRequired = (up.Child("required") as YamlSequenceNode)?.Children.Select(c => c.Canonical()).ToHashSet() ?? new HashSet<string>();
            foreach (var name in ourRequired.Children.Select(c => c.Canonical()).Where(n => !upRequired.Contains(n)))
            {
                yield return $"{path}: '{name}' is required here but not upstream";
            }
        }

        if (our.Child("properties") is YamlMappingNode properties)
        {
            var upProperties = up.Child("properties") as YamlMappingNode;
            foreach (var (key, value) in properties.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var childPath = $"{path}.{name}";
                var upChild = upProperties?.Child(name);
                if (upChild is null)
                {
                    yield return $"{childPath}: no such property upstream";
                    continue;
                }

                foreach (var failure in Compare(value, upChild, childPath))
                {
                    yield return failure;
                }
            }
        }

        if (our.Child("items") is { } items)
        {
            foreach (var failure in Compare(items, up.Child("items"), path + "[]"))
            {
                yield return failure;
            }
        }

        switch (our.Child("additionalProperties"))
        {
            case YamlMappingNode additional:
                foreach (var failure in Compare(additional, up.Child("additionalProperties"), path + "{}"))
                {
                    yield return failure;
                }

                break;
            case YamlScalarNode flag when flag.Canonical() != up.Child("additionalProperties").Canonical():
                yield return $"{path}: additionalProperties is {flag.Canonical()} here but {up.Child("additionalProperties").Canonical()} upstream";
                break;
        }
    }

    /// <summary>Every schema node with its JSON path, depth first.</summary>
    public static IEnumerable<(string Path, YamlMappingNode Node)> Walk(YamlNode? node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            yield break;
        }

        yield return (path, map);
        if (map.Child("properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                foreach (var inner in Walk(value, $"{path}.{((YamlScalarNode)key).Value}"))
                {
                    yield return inner;
                }
            }
        }

        foreach (var inner in Walk(map.Child("items"), path + "[]"))
        {
            yield return inner;
        }

        foreach (var inner in Walk(map.Child("additionalProperties"), path + "{}"))
        {
            yield return inner;
        }
    }

    /// <summary>Finds the schema node at a path like <c>$.spec.topology.variables[].value</c>.</summary>
    public static YamlMappingNode? At(YamlNode? root, string path) =>
        Walk(root, "$").Where(x => x.Path == path).Select(x => x.Node).FirstOrDefault();
}
