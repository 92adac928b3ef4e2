using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.RuntimeSdk;
using CapiVipAllocator.Hosting;

namespace CapiVipAllocator.Extension;

/// <summary>
/// The BeforeClusterCreate hook: Cluster API's topology controller asks before it renders the infrastructure
/// cluster and control plane. The Cluster object exists by then (the hook runs in its reconcile), so the answer
/// is read from this controller's cache: it queues a reconcile, waits up to <c>wait</c> for the cache to show the
/// VIP (woken by the cache's change of that Cluster, no polling), and answers "go on" once it does, else "retry"
/// after <c>retryAfterSeconds</c>. A Cluster with an endpoint someone else wrote goes on at once. The hook writes
/// nothing itself.
/// </summary>
internal sealed class CreationGate(Func<Wiring?> current, TimeSpan wait, int retryAfterSeconds, TimeProvider time)
{
    /// <summary>The handler's name (Cluster API registers it as <c>allocate-vip.{ExtensionConfig name}</c>).</summary>
    public const string HandlerName = "allocate-vip";

    /// <summary>Answers one BeforeClusterCreate request.</summary>
    public async Task<BeforeClusterCreateResponse> DecideAsync(BeforeClusterCreateRequest request, CancellationToken cancellationToken)
    {
        var (ns, name) = (request.ClusterNamespace, request.ClusterName);
        if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(name))
        {
            return new BeforeClusterCreateResponse { Status = ResponseStatus.Failure, Message = "the request's cluster has no metadata.namespace/name" };
        }

        var host = request.Cluster?["spec"]?["controlPlaneEndpoint"]?["host"]?.GetValue<string>();
        var started = time.GetTimestamp();
        var queued = false;
        string why = "allocating";
        while (current() is { } wiring)
        {
            var change = wiring.Signal.NextChange(ns, name);
            var cached = wiring.Clusters.Cached(ns, name);
            if (!string.IsNullOrEmpty(cached?.Host) || (cached is null && !string.IsNullOrEmpty(host)))
            {
                return new BeforeClusterCreateResponse { Message = $"control-plane endpoint {host ?? cached?.Host} is set" };
            }

            why = cached?.Condition is { } c ? $"{c.Reason}: {c.Message}" : "allocating";
            if (!queued)
            {
                wiring.Enqueue(new ReconcileRequest(ns, name));
                queued = true;
            }

            var left = wait - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            try
            {
                await change.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        return new BeforeClusterCreateResponse { RetryAfterSeconds = retryAfterSeconds, Message = $"waiting for the control-plane VIP of {ns}/{name} ({why})" };
    }
}
