namespace CapiSdk.Status;

/// <summary>The values of a MachineDeployment's <c>status.phase</c> (Cluster API's <c>MachineDeploymentPhase</c> constants).</summary>
public static class MachineDeploymentPhase
{
    /// <summary>Fewer machines than desired.</summary>
    public const string ScalingUp = "ScalingUp";

    /// <summary>More machines than desired.</summary>
    public const string ScalingDown = "ScalingDown";

    /// <summary>The desired number of machines run.</summary>
    public const string Running = "Running";

    /// <summary>A terminal failure that needs a person.</summary>
    public const string Failed = "Failed";

    /// <summary>The controller could not tell.</summary>
    public const string Unknown = "Unknown";
}
