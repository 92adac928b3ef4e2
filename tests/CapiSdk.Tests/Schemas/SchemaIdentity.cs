using YamlDotNet.RepresentationModel;

namespace CapiSdk.Tests.Schemas;

/// <summary>
/// Compares one of our OpenAPI v3 schemas with its upstream counterpart: every keyword (types, formats, enums,
/// bounds, required, defaults, nullable, <c>x-kubernetes-*</c> markers, CEL rules and messages) must be the same
/// on both sides; only <c>description</c> may differ (ours are written for this project).
/// </summary>
internal static class SchemaIdentity
{
    private static readonly HashSet<string> SubSchemaKeys = ["items", "additionalProperties", "not"];
    private static readonly HashSet<string> AlternativeKeys = ["allOf", "anyOf", "oneOf"];

    public static IEnumerable<string> Differences(YamlNode? ours, YamlNode? upstream, string path)
    {
        if (ours is not YamlMappingNode our || upstream is not YamlMappingNode up)
        {
            if (ours.Canonical() != upstream.Canonical())
            {
                yield return $"{path}: {Short(ours)} here but {Short(upstream)} upstream";
            }

            yield break;
        }

        var keys = our.Children.Keys.Concat(up.Children.Keys).Select(k => ((YamlScalarNode)k).Value!)
            .Where(k => k != "description").Distinct().Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var mine = our.Child(key);
            var theirs = up.Child(key);
            IEnumerable<string> inner = key switch
            {
                "properties" => Properties(mine as YamlMappingNode, theirs as YamlMappingNode, path),
                _ when SubSchemaKeys.Contains(key) && (mine is YamlMappingNode || theirs is YamlMappingNode) =>
                    Differences(mine, theirs, path + (key == "items" ? "[]" : key == "not" ? "(not)" : "{}")),
                _ when AlternativeKeys.Contains(key) && mine is YamlSequenceNode a && theirs is YamlSequenceNode b && a.Children.Count == b.Children.Count =>
                    a.Children.Zip(b.Children).SelectMany((pair, i) => Differences(pair.First, pair.Second, $"{path}({key}[{i}])")),
                _ when mine.Canonical() != theirs.Canonical() => [$"{path}: {key} is {Short(mine)} here but {Short(theirs)} upstream"],
                _ => [],
            };
            foreach (var difference in inner)
            {
                yield return difference;
            }
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

    private static IEnumerable<string> Properties(YamlMappingNode? ours, YamlMappingNode? upstream, string path)
    {
        var names = (ours?.Children.Keys ?? []).Concat(upstream?.Children.Keys ?? []).Select(k => ((YamlScalarNode)k).Value!).Distinct().Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var mine = ours?.Child(name);
            var theirs = upstream?.Child(name);
            if (mine is null || theirs is null)
            {
                yield return $"{path}.{name}: {(mine is null ? "missing here" : "no such property upstream")}";
                continue;
            }

            foreach (var difference in Differences(mine, theirs, $"{path}.{name}"))
            {
                yield return difference;
            }
        }
    }

    private static string Short(YamlNode? node)
    {
        var text = node.Canonical();
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
