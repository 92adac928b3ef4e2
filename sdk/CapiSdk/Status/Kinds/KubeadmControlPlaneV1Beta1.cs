using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Controlplane.Cluster.V1Beta1;

/// <content>KubeadmControlPlane V1Beta1: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class KubeadmControlPlane : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
