namespace CapiSdk.IpamSimulator.Claims;

/// <summary>What an allocation attempt means for the claim's status.</summary>
/// <param name="AddressName">The IPAddress bound to the claim, or null when none is.</param>
/// <param name="Reason">The Ready condition's reason, or null to leave the status as it is.</param>
/// <param name="Message">The Ready condition's message.</param>
internal sealed record AllocationOutcome(string? AddressName, string? Reason, string Message)
{
    /// <summary>Nothing to write (for example, the pool is paused).</summary>
    public static AllocationOutcome Unchanged { get; } = new(null, null, "");

    /// <summary>The claim has its address.</summary>
    public static AllocationOutcome Allocated(string addressName) =>
        new(addressName, IpamConstants.ReadyReason, "");

    /// <summary>No address, for the reason given.</summary>
    public static AllocationOutcome Failure(string reason, string message) => new(null, reason, message);
}
