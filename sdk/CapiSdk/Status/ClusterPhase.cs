namespace CapiSdk.Status;

/// <summary>The values of a Cluster's <c>status.phase</c> (Cluster API's <c>ClusterPhase</c> constants).</summary>
public static class ClusterPhase
{
    /// <summary>Created, nothing provisioned yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The infrastructure is being provisioned.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>Infrastructure provisioned and the control plane endpoint known.</summary>
    public const string Provisioned = "Provisioned";

    /// <summary>Deletion requested, not finished.</summary>
    public const string Deleting = "Deleting";

    /// <summary>A terminal failure that needs a person.</summary>
    public const string Failed = "Failed";

    /// <summary>The controller could not tell.</summary>
    public const string Unknown = "Unknown";
}
