namespace CapiSdk.IpamSimulator;

/// <summary>The names the in-cluster IPAM provider and the IPAM contract use: finalizers, labels, condition reasons.</summary>
internal static class IpamConstants
{
    /// <summary>The API group of claims, addresses and pools.</summary>
    public const string Group = "ipam.cluster.x-k8s.io";

    /// <summary>On a claim: its address must be released before the claim goes.</summary>
    public const string ReleaseAddressFinalizer = "ipam.cluster.x-k8s.io/ReleaseAddress";

    /// <summary>On an address: it stays while its claim exists.</summary>
    public const string ProtectAddressFinalizer = "ipam.cluster.x-k8s.io/ProtectAddress";

    /// <summary>The label naming a claim's Cluster (used when <c>spec.clusterName</c> is empty); copied to the address.</summary>
    public const string ClusterNameLabel = "cluster.x-k8s.io/cluster-name";

    /// <summary>The annotation that pauses a Cluster, a pool or a claim (its presence, whatever its value).</summary>
    public const string PausedAnnotation = "cluster.x-k8s.io/paused";

    /// <summary>The claim's condition type.</summary>
    public const string ReadyCondition = "Ready";

    /// <summary>Ready=True: the address is allocated.</summary>
    public const string ReadyReason = "Ready";

    /// <summary>Ready=False: allocation failed for another reason than a full pool (details in the message).</summary>
    public const string AllocationFailedReason = "AllocationFailed";

    /// <summary>Ready=False: the pool does not exist or its spec cannot be used.</summary>
    public const string PoolNotReadyReason = "PoolNotReady";

    /// <summary>Ready=False: the pool has no free address.</summary>
    public const string PoolExhaustedReason = "PoolExhausted";

    /// <summary>The pool kinds the provider serves.</summary>
    public const string InClusterIPPoolKind = "InClusterIPPool";

    /// <summary>The cluster-scoped pool kind.</summary>
    public const string GlobalInClusterIPPoolKind = "GlobalInClusterIPPool";
}
