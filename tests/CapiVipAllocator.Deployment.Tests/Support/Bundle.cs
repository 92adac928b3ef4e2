namespace CapiVipAllocator.Deployment.Tests.Support;

/// <summary>The rendered bundle (controller/deploy) and its monitoring part, rendered once per test run.</summary>
internal static class Bundle
{
    private static readonly Lazy<Task<(string Text, Manifest Manifest)>> Main = new(() => RenderAsync(Repo.DeployDirectory));
    private static readonly Lazy<Task<(string Text, Manifest Manifest)>> Namespaced = new(() => RenderAsync(Repo.NamespacedDeployDirectory));
    private static readonly Lazy<Task<(string Text, Manifest Manifest)>> Monitoring = new(() => RenderAsync(Repo.MonitoringDirectory));

    public const string Namespace = "capi-system";
    public const string ServiceAccount = "capi-vip-allocator-controller-manager";
    public const string Deployment = "capi-vip-allocator-controller-manager";
    /// <summary>The namespace the namespaced bundle watches.</summary>
    public const string WatchedNamespace = "capi-clusters";
    public const string ControlPlaneLabel = "capi-vip-allocator-controller-manager";

    public static async Task<Manifest> MainAsync() => (await Main.Value).Manifest;

    /// <summary>The namespaced bundle (controller/deploy-namespaced), rendered.</summary>
    public static async Task<Manifest> NamespacedAsync() => (await Namespaced.Value).Manifest;

    public static async Task<string> MainTextAsync() => (await Main.Value).Text;

    public static async Task<Manifest> MonitoringAsync() => (await Monitoring.Value).Manifest;

    public static async Task<string> MonitoringTextAsync() => (await Monitoring.Value).Text;

    private static async Task<(string, Manifest)> RenderAsync(string directory)
    {
        var text = await Kustomize.RenderAsync(directory, TestContext.Token);
        return (text, Manifest.Parse(text));
    }
}
