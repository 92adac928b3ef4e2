using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta2;

/// <content>MachineHealthCheck V1Beta2: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class MachineHealthCheck : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
