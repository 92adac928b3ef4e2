namespace CapiVipAllocator.Allocation;

/// <summary>The pool selected for a Cluster and role, or why there is none (an event reason and a message).</summary>
internal sealed record PoolChoice(PoolFacts? Pool, string? Reason, string? Message)
{
    /// <summary>A selected pool.</summary>
    public static PoolChoice Of(PoolFacts pool) => new(pool, null, null);

    /// <summary>No pool, with the reason and what to do.</summary>
    public static PoolChoice None(string reason, string message) => new(null, reason, message);
}
