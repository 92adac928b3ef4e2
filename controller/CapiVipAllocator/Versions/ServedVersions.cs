using CapiSdk.Versions;

namespace CapiVipAllocator.Versions;

/// <summary>The API versions the controller works in: Cluster API's (Clusters, ClusterClasses) and the IPAM group's.</summary>
/// <param name="Cluster">cluster.x-k8s.io: <c>v1beta2</c> or <c>v1beta1</c>.</param>
/// <param name="Ipam">ipam.cluster.x-k8s.io claims/addresses and pools.</param>
internal sealed record ServedVersions(string Cluster, IpamApiVersions Ipam)
{
    /// <summary>The Cluster versions the controller knows, newest first.</summary>
    public static IReadOnlyList<string> ClusterVersions { get; } = ["v1beta2", "v1beta1"];

    /// <summary>
    /// The versions the CRDs say the server serves, newest known first per kind (the order of the API server's
    /// discovery, which sorts a group's versions kube-aware: v1beta2 before v1beta1 before v1alpha2); null when a kind
    /// is served in none of the versions the controller knows (or its CRD is missing).
    /// </summary>
    /// <param name="crd">The CRD of that name, or null.</param>
    public static ServedVersions? FromCrds(Func<string, CrdSummary?> crd)
    {
        string? Newest(string name, IReadOnlyList<string> known) => crd(name)?.Served() is { } served ? known.FirstOrDefault(served.Contains) : null;

        var cluster = Newest("clusters.cluster.x-k8s.io", ClusterVersions);
        var claims = Newest("ipaddressclaims.ipam.cluster.x-k8s.io", IpamApiVersions.ClaimVersions);
        var addresses = Newest("ipaddresses.ipam.cluster.x-k8s.io", IpamApiVersions.ClaimVersions);
        var pools = Newest("inclusterippools.ipam.cluster.x-k8s.io", IpamApiVersions.PoolVersions);
        var globalPools = Newest("globalinclusterippools.ipam.cluster.x-k8s.io", IpamApiVersions.PoolVersions);
        if (cluster is null || claims is null || addresses is null || pools is null || globalPools is null)
        {
            return null;
        }

        return new ServedVersions(cluster, IpamApiVersions.Choose(claims, addresses, pools, globalPools));
    }

    /// <summary>For logs: <c>cluster.x-k8s.io/v1beta2, ipam claims v1beta2, pools v1alpha2</c>.</summary>
    public override string ToString() => $"cluster.x-k8s.io/{Cluster}, ipam.cluster.x-k8s.io claims {Ipam.Claims}, pools {Ipam.Pools}";
}
