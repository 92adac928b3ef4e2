namespace CapiSdk.Status;

/// <summary>The values of a MachinePool's <c>status.phase</c> (Cluster API's <c>MachinePoolPhase</c> constants).</summary>
public static class MachinePoolPhase
{
    /// <summary>Created, waiting for bootstrap data or infrastructure.</summary>
    public const string Pending = "Pending";

    /// <summary>The infrastructure pool is being created.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>The infrastructure pool exists; no nodes yet.</summary>
    public const string Provisioned = "Provisioned";

    /// <summary>The desired number of nodes run.</summary>
    public const string Running = "Running";

    /// <summary>Fewer nodes than desired.</summary>
    public const string ScalingUp = "ScalingUp";

    /// <summary>More nodes than desired.</summary>
    public const string ScalingDown = "ScalingDown";

    /// <summary>Scaling, direction not known.</summary>
    public const string Scaling = "Scaling";

    /// <summary>Deletion requested, not finished.</summary>
    public const string Deleting = "Deleting";

    /// <summary>A terminal failure that needs a person.</summary>
    public const string Failed = "Failed";

    /// <summary>The controller could not tell.</summary>
    public const string Unknown = "Unknown";
}
