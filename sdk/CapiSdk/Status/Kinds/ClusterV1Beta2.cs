using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta2;

/// <content>Cluster V1Beta2: conditions and phase for <see cref="StatusExtensions"/>.</content>
public sealed partial class Cluster : IHasConditions, IHasPhase
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;

    string? IHasPhase.Phase => Status?.Phase?.Value;
}
