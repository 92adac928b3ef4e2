using YamlDotNet.RepresentationModel;

namespace CrdDerive;

/// <summary>
/// <c>descriptions.yaml</c>: the kinds the SDK ships (<c>group/plural</c>), the descriptions written for this
/// project (path → text, per kind and common to all), and our own printer columns. Remembers which entries were
/// used, so an entry that matches no field is reported instead of silently ignored.
/// </summary>
internal sealed class DescriptionCatalog
{
    private const string CommonScope = "common";
    private readonly Dictionary<string, Dictionary<string, string>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlSequenceNode> _columns = new(StringComparer.Ordinal);
    private readonly HashSet<(string Scope, string Key)> _used = [];
    private readonly string _file;

    private DescriptionCatalog(string file, IReadOnlyList<string> kinds)
    {
        _file = file;
        Kinds = kinds;
    }

    /// <summary>The selection, in file order: <c>cluster.x-k8s.io/clusters</c>, …</summary>
    public IReadOnlyList<string> Kinds { get; }

    public static DescriptionCatalog Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new DerivationException($"{file} is missing; it lists the kinds to derive and their descriptions");
        }

        var stream = YamlFile.Load(file);

        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
            ?? throw new DerivationException($"{file} must be a mapping with 'common' and 'kinds'");
        var kinds = Child(root, "kinds") as YamlMappingNode
            ?? throw new DerivationException($"{file} has no 'kinds' mapping (group/plural → fields, columns)");

        var catalog = new DescriptionCatalog(file, kinds.Children.Keys.Select(k => Scalar(k, file)).ToList());
        catalog._fields[CommonScope] = Texts(Child(root, CommonScope), $"{file} common");
        foreach (var (key, value) in kinds.Children)
        {
            var kind = Scalar(key, file);
            if (!kind.Contains('/', StringComparison.Ordinal))
            {
                throw new DerivationException($"{file}: kind key '{kind}' must be <group>/<plural>, e.g. cluster.x-k8s.io/clusters");
            }

            catalog._fields[kind] = Texts(Child(value as YamlMappingNode, "fields"), $"{file} {kind} fields");
            if (Child(value as YamlMappingNode, "columns") is YamlSequenceNode columns)
            {
                catalog._columns[kind] = columns;
            }
        }

        return catalog;
    }

    /// <summary>Our description of the schema node at <paramref name="path"/> (<c>$.spec.x[]</c>), if we wrote one.</summary>
    public string? Describe(string kind, string version, string path)
    {
        foreach (var scope in new[] { kind, CommonScope })
        {
            foreach (var key in new[] { $"{version} {path}", path })
            {
                if (_fields.TryGetValue(scope, out var texts) && texts.TryGetValue(key, out var text))
                {
                    _used.Add((scope, key));
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>Our printer columns for one version (the <c>versions</c> key, when present, limits a column).</summary>
    public YamlSequenceNode? Columns(string kind, string version)
    {
        if (!_columns.TryGetValue(kind, out var columns))
        {
            return null;
        }

        var result = new YamlSequenceNode();
        foreach (var column in columns.Children.OfType<YamlMappingNode>())
        {
            if (Child(column, "versions") is YamlSequenceNode versions && !versions.Children.Any(v => Scalar(v, _file) == version))
            {
                continue;
            }

            var copy = new YamlMappingNode();
            foreach (var (key, value) in column.Children.Where(c => Scalar(c.Key, _file) != "versions"))
            {
                copy.Add(key, value);
            }

            result.Add(copy);
        }

        return result.Children.Count == 0 ? null : result;
    }

    /// <summary>Entries that matched no field of any version: stale paths or typos.</summary>
    public IEnumerable<string> Unused() =>
        _fields.SelectMany(scope => scope.Value.Keys
            .Where(key => !_used.Contains((scope.Key, key)))
            .Select(key => $"{_file}: {scope.Key} '{key}' matches no field of any version; fix the path or remove the entry"));

    private static Dictionary<string, string> Texts(YamlNode? node, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            throw new DerivationException($"{where} must be a mapping of schema path → text");
        }

        foreach (var (key, value) in map.Children)
        {
            var path = Scalar(key, where);
            var text = Scalar(value, where);
            var bare = path.Contains(' ', StringComparison.Ordinal) ? path[(path.IndexOf(' ', StringComparison.Ordinal) + 1)..] : path;
            if (!bare.StartsWith('$') || text.Length == 0)
            {
                throw new DerivationException($"{where}: '{path}' must be a path starting with $ (optionally after a version and a space) and have a text");
            }

            result.Add(path, text);
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Scalar(YamlNode node, string where) =>
        (node as YamlScalarNode)?.Value ?? throw new DerivationException($"{where}: expected a plain value at {node.Start}");
}
