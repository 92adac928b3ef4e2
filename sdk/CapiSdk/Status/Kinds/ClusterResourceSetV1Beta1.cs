using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Addons.Cluster.V1Beta1;

/// <content>ClusterResourceSet V1Beta1: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class ClusterResourceSet : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
