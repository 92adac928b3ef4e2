using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;
using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>An in-process API server serving the upstream ExtensionConfig CRD from ../shared/crds/upstream.</summary>
internal static class ExtensionConfigServer
{
    public static string CrdFile { get; } = Path.GetFullPath(Path.Combine(
        ApiServer.RepositoryRoot, "..", "shared", "crds", "upstream", "cluster-api", "runtime.cluster.x-k8s.io_extensionconfigs.yaml"));

    /// <summary>Why the tests cannot run, or null.</summary>
    public static string? SkipReason => File.Exists(CrdFile)
        ? null
        : $"The upstream ExtensionConfig CRD is not at {CrdFile} (the shared/ folder next to the repository is absent).";

    /// <summary>Starts the server with the capi-system namespace, where the extension runs (and keeps its certificate Secret).</summary>
    public static async Task<KubeApiServer> StartAsync(CancellationToken ct)
    {
        var api = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdFiles = { CrdFile } }, ct);
        using var client = api.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "capi-system" } }, cancellationToken: ct);
        return api;
    }
}
