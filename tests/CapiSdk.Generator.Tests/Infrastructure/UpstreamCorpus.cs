namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>
/// The real Cluster API and in-cluster IPAM CRDs, read from <c>../shared/crds/upstream</c> beside the
/// repository at test time (never copied into it).
/// </summary>
internal static class UpstreamCorpus
{
    public const string MissingReason = "The upstream CRD corpus (../shared/crds/upstream beside the repository) is not on this machine.";

    private static readonly Lazy<string?> RootDirectory = new(Find);

    public static string? Root => RootDirectory.Value;

    public static IReadOnlyList<string> Files => Root is null
        ? Array.Empty<string>()
        : Directory.GetFiles(Root, "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();

    public static IEnumerable<(string Path, string Text)> Load() => Files.Select(f => (f, File.ReadAllText(f)));

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "crds", "upstream");
            if (Directory.Exists(candidate) && directory.GetDirectories().Any(d => File.Exists(Path.Combine(d.FullName, "CapiSdk.sln"))))
            {
                return candidate;
            }
        }

        return null;
    }
}
