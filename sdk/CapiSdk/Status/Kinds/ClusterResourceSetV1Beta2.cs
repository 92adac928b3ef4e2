using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Addons.Cluster.V1Beta2;

/// <content>ClusterResourceSet V1Beta2: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class ClusterResourceSet : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
