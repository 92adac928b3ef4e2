namespace CapiSdk.Client;

/// <summary>How dependents are deleted with their owner.</summary>
public enum PropagationPolicy
{
    /// <summary>The owner goes at once; the garbage collector deletes dependents afterwards.</summary>
    Background,

    /// <summary>The owner stays (with a deletionTimestamp) until dependents that block it are gone.</summary>
    Foreground,

    /// <summary>Dependents are kept, their ownerReferences to the owner removed.</summary>
    Orphan,
}
