namespace CapiVipAllocator.Cli;

/// <summary>The controller's settings, one per command-line flag (names and defaults as the Go operator's).</summary>
internal sealed record AllocatorOptions
{
    /// <summary><c>--enable-reconciler</c>: run the allocation controller.</summary>
    public bool EnableReconciler { get; init; } = true;

    /// <summary><c>--enable-runtime-extension</c>: serve the Runtime SDK hooks (BeforeClusterCreate).</summary>
    public bool EnableRuntimeExtension { get; init; }

    /// <summary><c>--runtime-extension-port</c>.</summary>
    public int RuntimeExtensionPort { get; init; } = 9443;

    /// <summary><c>--runtime-extension-name</c>: the ExtensionConfig's name.</summary>
    public string RuntimeExtensionName { get; init; } = "vip-allocator";

    /// <summary><c>--leader-elect</c>.</summary>
    public bool LeaderElect { get; init; }

    /// <summary><c>--leader-election-namespace</c>; null means POD_NAMESPACE, the in-cluster namespace file, or capi-system.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary><c>--leader-election-id</c>: the Lease's name.</summary>
    public string LeaderElectionId { get; init; } = "capi-vip-allocator";

    /// <summary><c>--default-port</c>: the control-plane port written when the Cluster has none.</summary>
    public int DefaultPort { get; init; } = 6443;

    /// <summary><c>--metrics-bind-address</c>; null turns the metrics endpoint off (<c>0</c>).</summary>
    public BindAddress? MetricsBindAddress { get; init; } = new("0.0.0.0", 8080);

    /// <summary><c>--health-probe-bind-address</c>; null turns the probes off (<c>0</c>).</summary>
    public BindAddress? HealthProbeBindAddress { get; init; } = new("0.0.0.0", 8081);

    /// <summary><c>--kubeconfig</c>; null means in-cluster, then KUBECONFIG, then ~/.kube/config.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary><c>--namespace</c>: watch one namespace (null: all).</summary>
    public string? Namespace { get; init; }

    /// <summary><c>--max-concurrent-reconciles</c>.</summary>
    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary><c>--variable-name</c>: the topology variable that receives the control-plane VIP.</summary>
    public string VariableName { get; init; } = "clusterVip";

    /// <summary>How long a claim may wait for its address before the Cluster says WaitingForAddress (not a flag).</summary>
    public TimeSpan WaitingGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the BeforeClusterCreate hook waits for the controller's cache to show the Cluster's VIP before it
    /// answers "retry" (not a flag; well under the hook's 10 s timeout, so a fast IPAM lets creation go on at once).
    /// </summary>
    public TimeSpan RuntimeExtensionWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Leader election timings (not flags; tests shorten them).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <inheritdoc cref="LeaseDuration"/>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc cref="LeaseDuration"/>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);
}
