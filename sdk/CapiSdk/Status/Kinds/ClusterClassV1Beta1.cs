using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta1;

/// <content>ClusterClass V1Beta1: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class ClusterClass : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
