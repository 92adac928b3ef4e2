using CapiSdk.Testing;

namespace CapiSdk.IpamSimulator.Tests.Support;

/// <summary>Starts an in-process API server serving the SDK's own CRDs (embedded in the CapiSdk assembly).</summary>
internal static class ApiServer
{
    /// <param name="include">Which CRD files to serve, by path under crds/ (e.g. <c>ipam.cluster.x-k8s.io/ipaddresses.yaml</c>); all when null.</param>
    public static Task<KubeApiServer> StartAsync(Func<string, bool>? include = null) =>
        KubeApiServer.StartAsync(new KubeApiServerOptions { FaultSeed = 42 }
            .AddCrds(CapiSdkCrds.Files.Where(f => include?.Invoke(f.Key) ?? true).Select(f => f.Value)));
}
