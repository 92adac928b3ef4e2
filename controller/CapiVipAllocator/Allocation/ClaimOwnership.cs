namespace CapiVipAllocator.Allocation;

/// <summary>How a claim named for a Cluster relates to that Cluster.</summary>
internal enum ClaimOwnership
{
    /// <summary>There is no claim.</summary>
    Missing,

    /// <summary>Controlled by this Cluster (its UID).</summary>
    Ours,

    /// <summary>No controller owner (for example made by the Go operator's runtime extension): adopt it.</summary>
    Adoptable,

    /// <summary>Controlled by another Cluster UID: left by a deleted Cluster of the same name; never reused.</summary>
    Stale,

    /// <summary>Controlled by something that is not a Cluster: not ours to touch.</summary>
    Foreign,

    /// <summary>Being deleted: wait until it is gone.</summary>
    Deleting,
}
