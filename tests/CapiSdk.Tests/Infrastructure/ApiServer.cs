using CapiSdk.Testing;

namespace CapiSdk.Tests.Infrastructure;

/// <summary>Starts an in-process API server serving the SDK's own CRDs (embedded in the CapiSdk assembly).</summary>
internal static class ApiServer
{
    public static Task<KubeApiServer> StartAsync(Action<KubeApiServerOptions>? configure = null)
    {
        var options = new KubeApiServerOptions().AddCrds(CapiSdkCrds.Yaml);
        configure?.Invoke(options);
        return KubeApiServer.StartAsync(options);
    }
}
