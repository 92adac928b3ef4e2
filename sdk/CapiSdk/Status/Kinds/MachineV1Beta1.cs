using CapiSdk.Status;

namespace CapiSdk.Models.Cluster.V1Beta1;

/// <content>Machine V1Beta1: its phase for <see cref="StatusExtensions"/>.</content>
public sealed partial class Machine : IHasPhase
{
    string? IHasPhase.Phase => Status?.Phase?.Value;
}
