using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.RuntimeSdk;
using CapiVipAllocator.Allocation;

namespace CapiVipAllocator.Extension;

/// <summary>
/// The BeforeClusterCreate hook: Cluster API's topology controller asks before it renders the infrastructure
/// cluster and control plane. The Cluster object exists by then (the hook runs in its reconcile), so the answer
/// is read from this controller's cache: "retry" until the VIP is written (queueing a reconcile so it is), then
/// "go on". A Cluster with an endpoint someone else wrote goes on at once. The hook writes nothing itself.
/// </summary>
internal sealed class CreationGate(IClusterApi clusters, Action<ReconcileRequest> enqueue, int retryAfterSeconds)
{
    /// <summary>The handler's name (Cluster API registers it as <c>allocate-vip.{ExtensionConfig name}</c>).</summary>
    public const string HandlerName = "allocate-vip";

    /// <summary>Answers one BeforeClusterCreate request.</summary>
    public Task<BeforeClusterCreateResponse> DecideAsync(BeforeClusterCreateRequest request, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var (ns, name) = (request.ClusterNamespace, request.ClusterName);
        if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(name))
        {
            return Task.FromResult(new BeforeClusterCreateResponse { Status = ResponseStatus.Failure, Message = "the request's cluster has no metadata.namespace/name" });
        }

        var host = request.Cluster?["spec"]?["controlPlaneEndpoint"]?["host"]?.GetValue<string>();
        var cached = clusters.Cached(ns, name);
        if (!string.IsNullOrEmpty(cached?.Host) || (cached is null && !string.IsNullOrEmpty(host)))
        {
            return Task.FromResult(new BeforeClusterCreateResponse { Message = $"control-plane endpoint {host ?? cached?.Host} is set" });
        }

        enqueue(new ReconcileRequest(ns, name));
        var why = cached?.Condition is { } c ? $"{c.Reason}: {c.Message}" : "allocating";
        return Task.FromResult(new BeforeClusterCreateResponse { RetryAfterSeconds = retryAfterSeconds, Message = $"waiting for the control-plane VIP of {ns}/{name} ({why})" });
    }
}
