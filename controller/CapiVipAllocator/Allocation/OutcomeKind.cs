namespace CapiVipAllocator.Allocation;

/// <summary>Where one VIP of a Cluster stands after a reconcile.</summary>
internal enum OutcomeKind
{
    /// <summary>Not asked for (an ingress VIP nobody requested).</summary>
    Disabled,

    /// <summary>The address is known and written (or about to be).</summary>
    Allocated,

    /// <summary>The user set the endpoint or variable: nothing is claimed or overwritten.</summary>
    Manual,

    /// <summary>Waiting for the IPAM provider or for a claim to go.</summary>
    Waiting,

    /// <summary>Cannot proceed until something is fixed (no pool, exhausted, bad input).</summary>
    Failed,
}
