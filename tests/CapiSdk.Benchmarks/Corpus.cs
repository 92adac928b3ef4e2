namespace CapiSdk.Benchmarks;

/// <summary>
/// CRD sets for the generator benchmarks: the upstream CRDs in ../shared/crds/upstream beside the repository (never
/// copied into it), or the SDK's own crds/.
/// </summary>
internal static class Corpus
{
    public const string Upstream = "upstream";
    public const string Sdk = "sdk";

    public static IReadOnlyList<(string Path, string Content)> Load(string name = Upstream)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = name == Sdk ? Path.Combine(directory.FullName, "crds") : Path.Combine(directory.FullName, "shared", "crds", "upstream");
            if (Directory.Exists(candidate) && (name != Sdk || File.Exists(Path.Combine(directory.FullName, "CapiSdk.sln"))))
            {
                return Directory.GetFiles(candidate, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
            }
        }

        throw new DirectoryNotFoundException(name == Sdk
            ? "The repository's crds/ folder was not found above " + AppContext.BaseDirectory + "."
            : "The upstream CRD corpus (../shared/crds/upstream beside the repository) was not found; the generator benchmarks need it.");
    }
}
