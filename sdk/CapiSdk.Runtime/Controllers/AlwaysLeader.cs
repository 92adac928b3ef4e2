namespace CapiSdk.Runtime.Controllers;

/// <summary>The default gate: this process always leads (one replica, or no leader election).</summary>
public sealed class AlwaysLeader : ILeadershipGate
{
    /// <summary>The one instance.</summary>
    public static AlwaysLeader Instance { get; } = new();

    /// <inheritdoc/>
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);
}
