namespace CapiSdk.Status;

/// <summary>
/// A kind with a <c>status.phase</c> (Cluster, Machine, MachineDeployment, MachinePool): a coarse lifecycle summary
/// for display. Decide on conditions, not on the phase (Cluster API's own advice). Known values:
/// <see cref="ClusterPhase"/>, <see cref="MachinePhase"/>, <see cref="MachineDeploymentPhase"/>, <see cref="MachinePoolPhase"/>.
/// </summary>
public interface IHasPhase : k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
{
    /// <summary><c>status.phase</c>, or null when not reported yet.</summary>
    string? Phase { get; }
}
