using CapiSdk.Client;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Claim = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim;

namespace CapiVipAllocator.Allocation;

/// <summary>
/// Runs once at the start of every leadership term (after the caches synced): deletes the claims this controller
/// made, or the Go operator made, whose Cluster no longer exists, so addresses are never held by a missed release.
/// </summary>
internal sealed class OrphanSweeper(IReadOnlyStore<Claim> claims, IClusterApi clusters, ClaimManager manager, ILogger<OrphanSweeper> logger) : IController
{
    /// <inheritdoc/>
    public string Name => "orphaned-claims";

    /// <summary>How many orphaned claims this sweeper deleted.</summary>
    public int Swept { get; private set; }

    /// <inheritdoc/>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A delete that fails (the API server is unreachable, 5xx) is retried with backoff until it succeeds.
        var delay = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested && !await SweepAsync(cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<bool> SweepAsync(CancellationToken cancellationToken)
    {
        var complete = true;
        foreach (var claim in claims.List())
        {
            if (VipRole.FromClaimName(claim.Metadata.Name) is not { } named || !ClaimManager.IsOrphanOfGoneCluster(claim) ||
                clusters.Cached(claim.Metadata.NamespaceProperty, named.Cluster) is not null)
            {
                continue;
            }

            try
            {
                await manager.DeleteAsync(claim, "its Cluster no longer exists (found at start)", cancellationToken).ConfigureAwait(false);
                AllocatorLog.OrphanDeleted(logger, claim.Metadata.NamespaceProperty, claim.Metadata.Name);
                Swept++;
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException)
            {
                AllocatorLog.Problem(logger, "OrphanDeleteFailed", $"deleting IPAddressClaim {claim.Metadata.NamespaceProperty}/{claim.Metadata.Name} failed ({e.Message}); retrying");
                complete = false;
            }
        }

        return complete;
    }
}
