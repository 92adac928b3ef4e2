namespace CapiSdk.Client;

/// <summary>Options of a delete request.</summary>
public sealed record DeleteOptions
{
    /// <summary>How dependents are deleted; null uses the server's default for the kind.</summary>
    public PropagationPolicy? Propagation { get; init; }

    /// <summary>Delete only if the object still has this UID (it was not deleted and re-created).</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the object is still at this resourceVersion (no change since it was read).</summary>
    public string? PreconditionResourceVersion { get; init; }

    /// <summary>The grace period, in seconds.</summary>
    public long? GracePeriodSeconds { get; init; }

    /// <summary>Validate without deleting.</summary>
    public bool DryRun { get; init; }
}
