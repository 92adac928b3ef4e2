using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta1;

/// <content>Machine V1Beta1: conditions and phase for <see cref="StatusExtensions"/>.</content>
public sealed partial class Machine : IHasConditions, IHasPhase
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;

    string? IHasPhase.Phase => Status?.Phase?.Value;
}
