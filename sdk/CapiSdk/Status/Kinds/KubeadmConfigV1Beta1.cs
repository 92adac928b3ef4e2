using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Bootstrap.Cluster.V1Beta1;

/// <content>KubeadmConfig V1Beta1: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class KubeadmConfig : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
