namespace CapiVipAllocator.Allocation;

/// <summary>The result of reconciling one VIP role of a Cluster.</summary>
/// <param name="Kind">Where it stands.</param>
/// <param name="Reason">The condition/event reason.</param>
/// <param name="Message">What happens, and what to do.</param>
/// <param name="Ip">The address when allocated.</param>
/// <param name="ClaimCreated">When the claim was created (allocation latency is measured from it).</param>
/// <param name="RecheckAfter">Look again after this long (only to report a wait, never to poll the API).</param>
internal sealed record RoleOutcome(OutcomeKind Kind, string Reason, string Message, string? Ip = null, DateTimeOffset? ClaimCreated = null, TimeSpan? RecheckAfter = null)
{
    /// <summary>Not requested.</summary>
    public static RoleOutcome Disabled { get; } = new(OutcomeKind.Disabled, "", "");

    /// <summary>A failure with its reason.</summary>
    public static RoleOutcome Failed(string reason, string message) => new(OutcomeKind.Failed, reason, message);

    /// <summary>A wait with its reason.</summary>
    public static RoleOutcome Waiting(string reason, string message, TimeSpan? recheckAfter = null) => new(OutcomeKind.Waiting, reason, message, RecheckAfter: recheckAfter);
}
