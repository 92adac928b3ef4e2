using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;

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

    public static Task<KubeApiServer> StartAsync(CancellationToken ct) =>
        KubeApiServer.StartAsync(new KubeApiServerOptions { CrdFiles = { CrdFile } }, ct);
}
