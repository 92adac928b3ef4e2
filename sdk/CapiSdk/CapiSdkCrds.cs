namespace CapiSdk;

/// <summary>
/// The CustomResourceDefinitions this package's models were generated from, embedded in the assembly (they are also
/// shipped as contentFiles under <c>crds/</c>). Install them in a cluster, or serve them from an in-process API server:
/// <c>new KubeApiServerOptions().AddCrds(CapiSdkCrds.Yaml)</c> with CapiSdk.Testing.
/// </summary>
public static class CapiSdkCrds
{
    private const string Prefix = "crds/";
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Embedded = new(Load);

    /// <summary>Every CRD file, by its path under <c>crds/</c> (<c>cluster.x-k8s.io/clusters.yaml</c>, …), in path order.</summary>
    public static IReadOnlyDictionary<string, string> Files => Embedded.Value;

    /// <summary>The YAML text of every CRD file, in path order.</summary>
    public static IReadOnlyList<string> Yaml => [.. Embedded.Value.Values];

    private static SortedDictionary<string, string> Load()
    {
        var assembly = typeof(CapiSdkCrds).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[path[Prefix.Length..]] = reader.ReadToEnd();
        }
        return files;
    }
}
