using CapiSdk.Models;
using Cluster1 = CapiSdk.Models.Cluster.V1Beta1;
using Cluster2 = CapiSdk.Models.Cluster.V1Beta2;
using Ipam1 = CapiSdk.Models.Ipam.Cluster.V1Beta1;
using Ipam2 = CapiSdk.Models.Ipam.Cluster.V1Beta2;
using IpamA1 = CapiSdk.Models.Ipam.Cluster.V1Alpha1;
using IpamA2 = CapiSdk.Models.Ipam.Cluster.V1Alpha2;

namespace CapiSdk.Yaml;

/// <summary>The kinds of the CapiSdk package, for <see cref="KubeYaml.DeserializeAll(string, KubernetesKinds)"/> and <see cref="KubeYaml.SerializeAll"/>.</summary>
public static class CapiSdkKinds
{
    /// <summary>A new <see cref="KubernetesKinds"/> with every kind and version of the package (add your own to it).</summary>
    /// <returns>The kinds, with <see cref="CrdJsonContext.Default"/>'s metadata.</returns>
    public static KubernetesKinds Create() => new KubernetesKinds().Add(
        CrdJsonContext.Default,
        typeof(Cluster1.Cluster), typeof(Cluster1.ClusterClass), typeof(Cluster2.Cluster), typeof(Cluster2.ClusterClass),
        typeof(IpamA1.IPAddressClaim), typeof(IpamA1.IPAddress), typeof(Ipam1.IPAddressClaim), typeof(Ipam1.IPAddress),
        typeof(Ipam2.IPAddressClaim), typeof(Ipam2.IPAddress),
        typeof(IpamA1.InClusterIPPool), typeof(IpamA1.GlobalInClusterIPPool), typeof(IpamA2.InClusterIPPool), typeof(IpamA2.GlobalInClusterIPPool));
}
