namespace CapiVipAllocator.Allocation;

/// <summary>The label, annotation, object and condition names this controller reads and writes.</summary>
internal static class Names
{
    /// <summary>The field manager of every write (server-side apply and updates).</summary>
    public const string FieldManager = "capi-vip-allocator";

    /// <summary>Pool and claim label: the VIP's role (<c>control-plane</c> or <c>ingress</c>), as the Go operator writes it.</summary>
    public const string RoleLabel = "vip.capi.gorizond.io/role";

    /// <summary>Pool label: the ClusterClass names served (comma-separated; <c>true</c> = the list is in the annotation of the same key).</summary>
    public const string ClusterClassLabel = "vip.capi.gorizond.io/cluster-class";

    /// <summary>Cluster annotation naming the pool: <c>name</c> or <c>namespace/name</c>.</summary>
    public const string PoolAnnotation = "vip.capi.gorizond.io/pool";

    /// <summary>Cluster annotation carrying the control-plane VIP (readable by ClusterClass patches).</summary>
    public const string ControlPlaneVipAnnotation = "vip.capi.gorizond.io/control-plane-vip";

    /// <summary>Cluster annotation <c>"true"</c>/<c>"false"</c>: ask for (or refuse) an ingress VIP.</summary>
    public const string IngressEnabledAnnotation = "vip.capi.gorizond.io/ingress-enabled";

    /// <summary>Cluster annotation (and, for IPv4, label) carrying the ingress VIP.</summary>
    public const string IngressVipAnnotation = "vip.capi.gorizond.io/ingress-vip";

    /// <summary>Cluster API's label naming a Cluster on its objects.</summary>
    public const string ClusterNameLabel = "cluster.x-k8s.io/cluster-name";

    /// <summary>Cluster API's paused annotation (set by <c>clusterctl move</c>).</summary>
    public const string PausedAnnotation = "cluster.x-k8s.io/paused";

    /// <summary>The Cluster condition this controller owns.</summary>
    public const string ConditionType = "ControlPlaneVipReady";

    /// <summary>API groups.</summary>
    public const string ClusterGroup = "cluster.x-k8s.io";

    /// <inheritdoc cref="ClusterGroup"/>
    public const string IpamGroup = "ipam.cluster.x-k8s.io";

    /// <summary>Pool kinds.</summary>
    public const string GlobalPoolKind = "GlobalInClusterIPPool";

    /// <inheritdoc cref="GlobalPoolKind"/>
    public const string NamespacedPoolKind = "InClusterIPPool";
}
