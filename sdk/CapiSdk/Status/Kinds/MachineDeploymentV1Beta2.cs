using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta2;

/// <content>MachineDeployment V1Beta2: its phase for <see cref="StatusExtensions"/>.</content>
public sealed partial class MachineDeployment : IHasPhase
{
    string? IHasPhase.Phase => Status?.Phase?.Value;
}
