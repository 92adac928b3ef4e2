using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;

namespace CapiSdk.Runtime.Tests.Support;

/// <summary>Test objects: minimal valid Clusters and IPAddressClaims.</summary>
internal static class Objects
{
    public static Cluster Cluster(string name, string @namespace = "default", IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = @namespace, Labels = labels },
        Spec = new ClusterSpec { Topology = new ClusterTopology { ClassRef = new ClusterTopologyClassRef { Name = "quick-start" }, Version = "v1.31.0" } },
    };

    public static IPAddressClaim Claim(string name, string @namespace = "default") => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = @namespace },
        Spec = new IPAddressClaimSpec { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "pool" } },
    };
}
