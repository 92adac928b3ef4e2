using CapiSdk.Testing;

namespace CapiSdk.IpamSimulator.Tests.Support;

/// <summary>Starts an in-process API server serving the repository's own CRDs (crds/ next to CapiSdk.sln).</summary>
internal static class ApiServer
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<string> CrdFiles { get; } =
        Directory.GetFiles(Path.Combine(RepositoryRoot, "crds"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static Task<KubeApiServer> StartAsync(Func<string, bool>? include = null)
    {
        var options = new KubeApiServerOptions { FaultSeed = 42 };
        foreach (var file in CrdFiles.Where(f => include?.Invoke(f) ?? true))
        {
            options.CrdFiles.Add(file);
        }

        return KubeApiServer.StartAsync(options);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CapiSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CapiSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
