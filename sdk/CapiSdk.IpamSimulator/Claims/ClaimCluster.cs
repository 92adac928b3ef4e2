using CapiSdk.Models.Ipam.Cluster.V1Beta2;

namespace CapiSdk.IpamSimulator.Claims;

/// <summary>Which Cluster a claim belongs to, as the real provider decides it.</summary>
internal static class ClaimCluster
{
    /// <summary><c>spec.clusterName</c>, else the <c>cluster.x-k8s.io/cluster-name</c> label, else null.</summary>
    public static string? NameOf(IPAddressClaim claim)
    {
        if (!string.IsNullOrEmpty(claim.Spec.ClusterName))
        {
            return claim.Spec.ClusterName;
        }

        return claim.Metadata.Labels is { } labels && labels.TryGetValue(IpamConstants.ClusterNameLabel, out var name) && name.Length > 0 ? name : null;
    }
}
