namespace CapiSdk.Status;

/// <summary>The values of a Machine's <c>status.phase</c> (Cluster API's <c>MachinePhase</c> constants).</summary>
public static class MachinePhase
{
    /// <summary>Created, waiting for bootstrap data or infrastructure.</summary>
    public const string Pending = "Pending";

    /// <summary>The infrastructure machine is being created.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>The infrastructure machine exists; no node yet.</summary>
    public const string Provisioned = "Provisioned";

    /// <summary>The machine became a node.</summary>
    public const string Running = "Running";

    /// <summary>Being updated in place (v1beta2).</summary>
    public const string Updating = "Updating";

    /// <summary>Deletion requested; the node is drained and the infrastructure removed.</summary>
    public const string Deleting = "Deleting";

    /// <summary>Node and infrastructure are gone; the object is about to go.</summary>
    public const string Deleted = "Deleted";

    /// <summary>A terminal failure that needs a person.</summary>
    public const string Failed = "Failed";

    /// <summary>The controller could not tell.</summary>
    public const string Unknown = "Unknown";
}
