using CapiSdk.Models;

namespace CapiSdk.Yaml;

/// <summary>The kinds of the CapiSdk package, for <see cref="KubeYaml.DeserializeAll(string, KubernetesKinds)"/> and <see cref="KubeYaml.SerializeAll"/>.</summary>
public static class CapiSdkKinds
{
    /// <summary>A new <see cref="KubernetesKinds"/> with every kind and served version of the package (add your own to it).</summary>
    /// <returns>The kinds, with <see cref="CrdJsonContext.Default"/>'s metadata.</returns>
    public static KubernetesKinds Create() => new KubernetesKinds().Add(
        CrdJsonContext.Default,
        typeof(global::CapiSdk.Models.Addons.Cluster.V1Beta1.ClusterResourceSetBinding),
        typeof(global::CapiSdk.Models.Addons.Cluster.V1Beta2.ClusterResourceSetBinding),
        typeof(global::CapiSdk.Models.Addons.Cluster.V1Beta1.ClusterResourceSet),
        typeof(global::CapiSdk.Models.Addons.Cluster.V1Beta2.ClusterResourceSet),
        typeof(global::CapiSdk.Models.Bootstrap.Cluster.V1Beta1.KubeadmConfig),
        typeof(global::CapiSdk.Models.Bootstrap.Cluster.V1Beta2.KubeadmConfig),
        typeof(global::CapiSdk.Models.Bootstrap.Cluster.V1Beta1.KubeadmConfigTemplate),
        typeof(global::CapiSdk.Models.Bootstrap.Cluster.V1Beta2.KubeadmConfigTemplate),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.ClusterClass),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.ClusterClass),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.Cluster),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.Cluster),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.MachineDeployment),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.MachineDeployment),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.MachineDrainRule),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.MachineDrainRule),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.MachineHealthCheck),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.MachineHealthCheck),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.MachinePool),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.MachinePool),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.Machine),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.Machine),
        typeof(global::CapiSdk.Models.Cluster.V1Beta1.MachineSet),
        typeof(global::CapiSdk.Models.Cluster.V1Beta2.MachineSet),
        typeof(global::CapiSdk.Models.Clusterctl.Cluster.V1Alpha3.Provider),
        typeof(global::CapiSdk.Models.Controlplane.Cluster.V1Beta1.KubeadmControlPlane),
        typeof(global::CapiSdk.Models.Controlplane.Cluster.V1Beta2.KubeadmControlPlane),
        typeof(global::CapiSdk.Models.Controlplane.Cluster.V1Beta1.KubeadmControlPlaneTemplate),
        typeof(global::CapiSdk.Models.Controlplane.Cluster.V1Beta2.KubeadmControlPlaneTemplate),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Alpha1.GlobalInClusterIPPool),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Alpha2.GlobalInClusterIPPool),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Alpha1.InClusterIPPool),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Alpha2.InClusterIPPool),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Alpha1.IPAddressClaim),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Beta1.IPAddressClaim),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Alpha1.IPAddress),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Beta1.IPAddress),
        typeof(global::CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress),
        typeof(global::CapiSdk.Models.Runtime.Cluster.V1Alpha1.ExtensionConfig),
        typeof(global::CapiSdk.Models.Runtime.Cluster.V1Beta2.ExtensionConfig));
}
