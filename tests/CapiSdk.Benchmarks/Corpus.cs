namespace CapiSdk.Benchmarks;

/// <summary>The upstream CRDs in ../shared/crds/upstream beside the repository (never copied into it).</summary>
internal static class Corpus
{
    public static IReadOnlyList<(string Path, string Content)> Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "crds", "upstream");
            if (Directory.Exists(candidate))
            {
                return Directory.GetFiles(candidate, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
            }
        }

        throw new DirectoryNotFoundException("The upstream CRD corpus (../shared/crds/upstream beside the repository) was not found; the generator benchmarks need it.");
    }
}
