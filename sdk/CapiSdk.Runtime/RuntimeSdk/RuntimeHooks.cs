namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>The Cluster API lifecycle hooks this SDK serves, in <c>hooks.runtime.cluster.x-k8s.io/v1alpha1</c>.</summary>
public static class RuntimeHooks
{
    /// <summary>The API group of the hooks.</summary>
    public const string Group = "hooks.runtime.cluster.x-k8s.io";

    /// <summary>The group and version every request and response carries as <c>apiVersion</c>.</summary>
    public const string ApiVersion = Group + "/v1alpha1";

    /// <summary>The path Cluster API posts the <c>DiscoveryRequest</c> to.</summary>
    public const string DiscoveryPath = "/" + ApiVersion + "/discovery";

    /// <summary>Called before the objects of a Cluster's managed topology are created; blocking.</summary>
    public static RuntimeHook<BeforeClusterCreateRequest, BeforeClusterCreateResponse> BeforeClusterCreate { get; } =
        new("BeforeClusterCreate", RuntimeSdkJsonContext.Default.BeforeClusterCreateRequest, RuntimeSdkJsonContext.Default.BeforeClusterCreateResponse);

    /// <summary>Called once the control plane is reachable for the first time; non-blocking.</summary>
    public static RuntimeHook<AfterControlPlaneInitializedRequest, AfterControlPlaneInitializedResponse> AfterControlPlaneInitialized { get; } =
        new("AfterControlPlaneInitialized", RuntimeSdkJsonContext.Default.AfterControlPlaneInitializedRequest, RuntimeSdkJsonContext.Default.AfterControlPlaneInitializedResponse);

    /// <summary>Called before a new Kubernetes version reaches the Cluster's objects; blocking.</summary>
    public static RuntimeHook<BeforeClusterUpgradeRequest, BeforeClusterUpgradeResponse> BeforeClusterUpgrade { get; } =
        new("BeforeClusterUpgrade", RuntimeSdkJsonContext.Default.BeforeClusterUpgradeRequest, RuntimeSdkJsonContext.Default.BeforeClusterUpgradeResponse);

    /// <summary>Called before a deleted Cluster and its objects are deleted; blocking.</summary>
    public static RuntimeHook<BeforeClusterDeleteRequest, BeforeClusterDeleteResponse> BeforeClusterDelete { get; } =
        new("BeforeClusterDelete", RuntimeSdkJsonContext.Default.BeforeClusterDeleteRequest, RuntimeSdkJsonContext.Default.BeforeClusterDeleteResponse);

    /// <summary>The Discovery hook, which the server answers itself from its registrations.</summary>
    internal static RuntimeHook<DiscoveryRequest, DiscoveryResponse> Discovery { get; } =
        new("Discovery", RuntimeSdkJsonContext.Default.DiscoveryRequest, RuntimeSdkJsonContext.Default.DiscoveryResponse);

    /// <summary>The path of a handler, as Cluster API's <c>GVHToPath</c> builds it (hook and handler name in lower case).</summary>
    /// <param name="hook">The hook's name, e.g. <c>BeforeClusterCreate</c>.</param>
    /// <param name="handlerName">The handler's name.</param>
    /// <returns>E.g. <c>/hooks.runtime.cluster.x-k8s.io/v1alpha1/beforeclustercreate/claim-vip</c>.</returns>
    public static string PathFor(string hook, string handlerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(hook);
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        return "/" + ApiVersion + "/" + hook.ToLowerInvariant() + "/" + handlerName.ToLowerInvariant();
    }
}
