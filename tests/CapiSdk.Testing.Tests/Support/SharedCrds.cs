namespace CapiSdk.Testing.Tests.Support;

/// <summary>The upstream Cluster API and in-cluster IPAM CRDs in shared/crds/upstream beside the repository root, if present.</summary>
internal static class SharedCrds
{
    public static string? Directory { get; } = Find();

    public static IReadOnlyList<string> All =>
        Directory is null ? [] : System.IO.Directory.GetFiles(Directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "crds", "upstream");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
