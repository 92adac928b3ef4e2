using YamlDotNet.RepresentationModel;

namespace CapiSdk.Tests.Schemas;

/// <summary>
/// Locates and parses the project's own CRDs (<c>crds/</c> in the repository) and the upstream corpus
/// (<c>../shared/crds/upstream</c> beside the repository; read at test time, never copied).
/// </summary>
internal static class CrdDocuments
{
    public const string UpstreamMissing =
        "The upstream CRD corpus (../shared/crds/upstream beside the repository root, or $CAPISDK_UPSTREAM_CRDS) is not on this machine, so there is nothing to compare against.";

    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);
    private static readonly Lazy<IReadOnlyList<CrdFile>> OursLazy = new(LoadOurs);
    private static readonly Lazy<IReadOnlyList<CrdFile>> UpstreamLazy = new(LoadUpstream);

    public static string RepoRoot => RepoRootLazy.Value;

    public static string CrdDirectory => Path.Combine(RepoRoot, "crds");

    public static string? UpstreamDirectory
    {
        get
        {
            // CAPISDK_UPSTREAM_CRDS overrides the location (point it at a missing folder to see the skips).
            var dir = Environment.GetEnvironmentVariable("CAPISDK_UPSTREAM_CRDS") is { Length: > 0 } overridden
                ? Path.GetFullPath(overridden)
                : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "crds", "upstream"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    public static IReadOnlyList<CrdFile> Ours => OursLazy.Value;

    public static IReadOnlyList<CrdFile> Upstream => UpstreamLazy.Value;

    /// <summary>Every (file, version) of crds/, for theories.</summary>
    public static TheoryData<string, string> KindVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Ours)
        {
            foreach (var version in file.Versions)
            {
                data.Add(file.RelativePath, version.Str("name")!);
            }
        }

        return data;
    }

    public static CrdFile Our(string relativePath) =>
        Ours.Single(f => f.RelativePath == relativePath);

    public static CrdFile? UpstreamFor(CrdFile ours) =>
        Upstream.FirstOrDefault(u => u.Group == ours.Group && u.Kind == ours.Kind);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapiSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder holding CapiSdk.sln above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<CrdFile> LoadOurs() =>
        Directory.GetFiles(CrdDirectory, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(CrdDirectory, "*.yml", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => Parse(f, Path.GetRelativePath(RepoRoot, f).Replace('\\', '/')))
            .ToList();

    private static IReadOnlyList<CrdFile> LoadUpstream()
    {
        var dir = UpstreamDirectory;
        if (dir is null)
        {
            return Array.Empty<CrdFile>();
        }

        return Directory.GetFiles(dir, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => Parse(f, "upstream/" + Path.GetRelativePath(dir, f).Replace('\\', '/')))
            .Where(c => c.Root.Str("kind") == "CustomResourceDefinition")
            .ToList();
    }

    private static IEnumerable<CrdFile> Parse(string path, string relative)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{relative} is not valid YAML: {e.Message} (at {e.Start})", e);
        }

        var documents = stream.Documents.Where(d => d.RootNode is YamlMappingNode).ToList();
        foreach (var doc in documents)
        {
            yield return new CrdFile(path, documents.Count == 1 ? relative : $"{relative}#{doc.RootNode.Str("metadata.name")}", text, (YamlMappingNode)doc.RootNode);
        }
    }
}

internal sealed record CrdFile(string FullPath, string RelativePath, string Text, YamlMappingNode Root)
{
    public string? Group => Root.Str("spec.group");

    public string? Kind => Root.Str("spec.names.kind");

    public IEnumerable<YamlMappingNode> Versions =>
        (Root.Get("spec.versions") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>();

    public YamlMappingNode? Version(string name) => Versions.FirstOrDefault(v => v.Str("name") == name);

    public override string ToString() => RelativePath;
}

internal static class YamlExtensions
{
    /// <summary>Follows a dotted path of mapping keys.</summary>
    public static YamlNode? Get(this YamlNode? node, string dottedPath)
    {
        foreach (var key in dottedPath.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static YamlNode? Child(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Str(this YamlNode? node, string dottedPath) => (node.Get(dottedPath) as YamlScalarNode)?.Value;

    /// <summary>A canonical one-line rendering, for equality checks and failure messages.</summary>
    public static string Canonical(this YamlNode? node) => node switch
    {
        null => "<absent>",
        YamlScalarNode s => s.Value ?? "null",
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Canonical)) + "]",
        YamlMappingNode m => "{" + string.Join(", ", m.Children
            .Select(kv => $"{((YamlScalarNode)kv.Key).Value}: {Canonical(kv.Value)}")
            .OrderBy(x => x, StringComparer.Ordinal)) + "}",
        _ => node.ToString(),
    };
}
