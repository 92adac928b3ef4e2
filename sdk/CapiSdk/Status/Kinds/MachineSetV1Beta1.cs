using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta1;

/// <content>MachineSet V1Beta1: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class MachineSet : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
