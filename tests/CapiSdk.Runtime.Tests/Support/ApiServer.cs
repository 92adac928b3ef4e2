using CapiSdk.Testing;

namespace CapiSdk.Runtime.Tests.Support;

/// <summary>Starts an in-process API server serving the SDK's own CRDs (embedded in the CapiSdk assembly).</summary>
internal static class ApiServer
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static Task<KubeApiServer> StartAsync(Action<KubeApiServerOptions>? configure = null)
    {
        var options = new KubeApiServerOptions { FaultSeed = 42 }.AddCrds(CapiSdkCrds.Yaml);

        configure?.Invoke(options);
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
