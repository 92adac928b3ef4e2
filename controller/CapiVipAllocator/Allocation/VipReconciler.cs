using CapiSdk.Client;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Queue;
using CapiVipAllocator.Cli;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Allocation;

/// <summary>
/// Reconciles one Cluster: reads the caches, decides, and writes at most the claim, the Cluster's owned fields
/// (one server-side apply) and its condition (one status apply). Holds no state between reconciles: a restart
/// rebuilds everything from the claims, addresses and the Cluster.
/// </summary>
internal sealed class VipReconciler(
    IClusterApi clusters,
    Func<string, string, IReadOnlyCollection<string>?> classVariables,
    ClaimManager claims,
    IEventRecorder events,
    AllocatorMetrics metrics,
    AllocatorOptions options,
    ILogger<VipReconciler> logger,
    TimeProvider time)
{
    private const int MaxWriteAttempts = 5;

    // What this controller last wrote per Cluster: (the resourceVersions its writes replaced, the Cluster after the
    // last one). While the cache still shows a replaced version the watch has not delivered the writes yet, and the
    // answer is used instead, so a stale cache never causes a second write. Losing it (a restart) costs one extra write.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[] Replaced, ClusterFacts After)> _written = new(StringComparer.Ordinal);

    /// <summary>Reconciles the Cluster named by the request.</summary>
    public async Task<CapiSdk.Runtime.Controllers.ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var cluster = Fresh(clusters.Cached(request.Namespace ?? "", request.Name));
        var result = "success";
        try
        {
            if (cluster is null)
            {
                await ReleaseAsync(request.Namespace ?? "", request.Name, cancellationToken).ConfigureAwait(false);
                return CapiSdk.Runtime.Controllers.ReconcileResult.Done;
            }

            // Deleting: the address stays until the Cluster object is gone (its machines may still answer for it).
            // Paused (clusterctl move): nothing is claimed, released or rewritten. No topology: not ours.
            if (cluster.Deleting || cluster.Paused || cluster.ClassName is null)
            {
                return CapiSdk.Runtime.Controllers.ReconcileResult.Done;
            }

            var controlPlane = await ControlPlaneAsync(cluster, cancellationToken).ConfigureAwait(false);
            var ingress = await IngressAsync(cluster, cancellationToken).ConfigureAwait(false);
            var declares = classVariables(cluster.ClassNamespace, cluster.ClassName)?.Contains(options.VariableName) == true;
            cluster = await WriteFieldsAsync(cluster, controlPlane, ingress, declares, cancellationToken).ConfigureAwait(false);
            if (cluster is null)
            {
                return CapiSdk.Runtime.Controllers.ReconcileResult.Done;
            }

            await WriteConditionAsync(cluster, controlPlane, declares, cancellationToken).ConfigureAwait(false);
            var recheck = new[] { controlPlane.RecheckAfter, ingress.RecheckAfter }.Where(t => t is not null).Min();
            if (recheck is { } after)
            {
                result = "requeue";
                return CapiSdk.Runtime.Controllers.ReconcileResult.After(after);
            }

            return CapiSdk.Runtime.Controllers.ReconcileResult.Done;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            result = "error";
            throw;
        }
        finally
        {
            metrics.Reconciled(cluster?.ClassName ?? "", result, time.GetElapsedTime(started));
        }
    }

    private async Task<RoleOutcome> ControlPlaneAsync(ClusterFacts cluster, CancellationToken cancellationToken)
    {
        if (options.Namespace is { } watched && cluster.ClassNamespace != watched)
        {
            // Only the watched namespace's ClusterClasses are cached (and, with a namespaced Role, readable).
            return RoleOutcome.Failed("ClusterClassOutsideNamespace", $"ClusterClass {cluster.ClassNamespace}/{cluster.ClassName} is outside the namespace this controller watches (--namespace {watched}); run it without --namespace (or one per namespace, with the class in the Cluster's namespace) to use a ClusterClass from another namespace");
        }

        if (classVariables(cluster.ClassNamespace, cluster.ClassName!) is null)
        {
            return RoleOutcome.Failed("ClusterClassNotFound", $"ClusterClass {cluster.ClassNamespace}/{cluster.ClassName} does not exist; create it or fix spec.topology's class reference");
        }

        var boundIp = claims.BoundIp(cluster, VipRole.ControlPlane);
        var written = cluster.Annotation(Names.ControlPlaneVipAnnotation);
        bool IsOurs(string? value) => string.IsNullOrEmpty(value) || value == boundIp || value == written;
        if (!IsOurs(cluster.Host) || !IsOurs(cluster.Variable))
        {
            var what = !IsOurs(cluster.Host) ? $"spec.controlPlaneEndpoint.host is {cluster.Host}" : $"variable {options.VariableName} is {cluster.Variable}";
            if (claims.Find(cluster, VipRole.ControlPlane) is { } claim && ClaimInspector.Ownership(claim, cluster.Uid) is ClaimOwnership.Ours or ClaimOwnership.Adoptable)
            {
                await claims.DeleteAsync(claim, "the Cluster switched to a manual endpoint", cancellationToken).ConfigureAwait(false);
                events.Record(cluster.Object, EventType.Normal, "VipReleased", $"{what}, set by someone else: IPAddressClaim {claim.Metadata.Name} and its address {boundIp} are released");
            }

            return new RoleOutcome(OutcomeKind.Manual, "ManualEndpoint", $"{what}, set by someone else: no address is claimed and nothing is overwritten");
        }

        return await claims.AllocateAsync(cluster, VipRole.ControlPlane, optional: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RoleOutcome> IngressAsync(ClusterFacts cluster, CancellationToken cancellationToken)
    {
        var requested = cluster.Annotation(Names.IngressEnabledAnnotation);
        if (requested == "false")
        {
            if (claims.Find(cluster, VipRole.Ingress) is { } claim && ClaimInspector.Ownership(claim, cluster.Uid) == ClaimOwnership.Ours)
            {
                await claims.DeleteAsync(claim, $"{Names.IngressEnabledAnnotation} is \"false\"", cancellationToken).ConfigureAwait(false);
                events.Record(cluster.Object, EventType.Normal, "VipReleased", $"ingress VIP released: {Names.IngressEnabledAnnotation} is \"false\"");
            }

            return RoleOutcome.Disabled;
        }

        try
        {
            return await claims.AllocateAsync(cluster, VipRole.Ingress, optional: requested != "true", cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e)
        {
            // Independent of the control-plane VIP: an ingress failure never blocks it.
            return RoleOutcome.Failed("IngressError", $"ingress VIP: {e.Message}; retried on the next change");
        }
    }

    private async Task<ClusterFacts?> WriteFieldsAsync(ClusterFacts cluster, RoleOutcome controlPlane, RoleOutcome ingress, bool declares, CancellationToken cancellationToken)
    {
        var cpIp = controlPlane.Kind == OutcomeKind.Allocated ? controlPlane.Ip : null;
        var desired = new DesiredFields(
            cpIp,
            cluster.Port is > 0 ? cluster.Port.Value : cpIp is null ? 0 : options.DefaultPort,
            declares ? options.VariableName : null,
            ingress.Kind == OutcomeKind.Allocated ? ingress.Ip : null);
        if (desired.IsEmpty || desired.IsSatisfiedBy(cluster))
        {
            return cluster;
        }

        var before = cluster;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                cluster = await clusters.ApplyAsync(cluster.Namespace, cluster.Name, ClusterPatches.Spec(clusters.ApiVersion, cluster, desired), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (KubernetesConflictException) when (attempt < MaxWriteAttempts)
            {
                AllocatorLog.Conflict(logger, attempt);
                var fresh = await clusters.GetAsync(cluster.Namespace, cluster.Name, cancellationToken).ConfigureAwait(false);
                if (fresh is null || fresh.Uid != cluster.Uid || fresh.Paused || fresh.Deleting)
                {
                    return null;
                }

                cluster = fresh;
                if (desired.IsSatisfiedBy(cluster))
                {
                    return cluster;
                }
            }
            catch (KubernetesNotFoundException)
            {
                return null;
            }
        }

        Remember(before, cluster);
        Announce(cluster, VipRole.ControlPlane, desired.ControlPlaneIp, controlPlane.ClaimCreated, before.Host);
        Announce(cluster, VipRole.Ingress, desired.IngressIp, ingress.ClaimCreated, before.Annotation(Names.IngressVipAnnotation));
        if (desired.ControlPlaneIp is not null && !declares && before.Host != desired.ControlPlaneIp)
        {
            events.Record(cluster.Object, EventType.Warning, "ClusterVipVariableMissing",
                $"ClusterClass {cluster.ClassNamespace}/{cluster.ClassName} declares no variable {options.VariableName}: the VIP is in spec.controlPlaneEndpoint and the {Names.ControlPlaneVipAnnotation} annotation only; " +
                $"declare it (spec.variables: - name: {options.VariableName}, schema.openAPIV3Schema: {{type: string, default: \"\"}}) to use {{{{ .{options.VariableName} }}}} in patches");
        }

        return cluster;
    }

    private void Announce(ClusterFacts after, VipRole role, string? ip, DateTimeOffset? claimCreated, string? previous)
    {
        if (ip is null || previous == ip)
        {
            return;
        }

        var pool = claims.Find(after, role) is { } claim ? ClaimInspector.PoolOf(claim) : "";
        metrics.Allocated(role, after.ClassName ?? "", claimCreated is { } created ? time.GetUtcNow() - created : TimeSpan.Zero);
        if (role == VipRole.ControlPlane)
        {
            AllocatorLog.ControlPlaneVipAssigned(logger, ip, pool);
            events.Record(after.Object, EventType.Normal, "VipAllocated", $"control-plane VIP assigned: {ip} (from {pool}), written to spec.controlPlaneEndpoint");
        }
        else
        {
            AllocatorLog.IngressVipAssigned(logger, ip, Names.IngressVipAnnotation);
            events.Record(after.Object, EventType.Normal, "VipAllocated", $"ingress VIP assigned: {ip} (from {pool}), written to the {Names.IngressVipAnnotation} annotation");
        }
    }

    private async Task WriteConditionAsync(ClusterFacts cluster, RoleOutcome outcome, bool declares, CancellationToken cancellationToken)
    {
        var (status, reason, message) = outcome.Kind switch
        {
            OutcomeKind.Allocated when !declares => ("True", "ClusterVipVariableMissing", outcome.Message + $"; the ClusterClass declares no variable {options.VariableName}"),
            OutcomeKind.Allocated or OutcomeKind.Manual => ("True", outcome.Reason, outcome.Message),
            _ => ("False", outcome.Reason, outcome.Message),
        };
        var current = cluster.Condition;
        if (current is null && outcome.RecheckAfter is not null)
        {
            return; // a claim just made: say "waiting" only if the wait lasts (keeps an allocation at three writes)
        }

        if (current is not null && current.Status == status && current.Reason == reason && current.Message == message && current.ObservedGeneration == cluster.Generation)
        {
            return;
        }

        if (outcome.Kind == OutcomeKind.Failed)
        {
            AllocatorLog.Problem(logger, reason, message);
            metrics.AllocationFailed(VipRole.ControlPlane, cluster.ClassName ?? "", reason);
            events.Record(cluster.Object, EventType.Warning, reason, message);
        }
        else if (outcome.Kind == OutcomeKind.Waiting)
        {
            AllocatorLog.Waiting(logger, reason, message);
            events.Record(cluster.Object, EventType.Normal, reason, message);
        }
        else if (outcome.Kind == OutcomeKind.Manual && current?.Reason != reason)
        {
            AllocatorLog.Manual(logger, message);
            events.Record(cluster.Object, EventType.Normal, "ManualEndpoint", message);
        }

        var condition = new ConditionFacts(status, reason, message, cluster.Generation, current?.Status == status ? current.LastTransitionTime : time.GetUtcNow());
        try
        {
            Remember(cluster, await clusters.ApplyStatusAsync(cluster.Namespace, cluster.Name, ClusterPatches.Condition(clusters.ApiVersion, clusters.ConditionsUnderV1Beta2, cluster, condition), cancellationToken).ConfigureAwait(false));
        }
        catch (KubernetesNotFoundException)
        {
            // Deleted meanwhile: its release follows from the delete event.
        }
    }

    private ClusterFacts? Fresh(ClusterFacts? cached)
    {
        if (cached is null)
        {
            return null;
        }

        var key = cached.Namespace + "/" + cached.Name;
        if (_written.TryGetValue(key, out var written))
        {
            if (written.After.Uid == cached.Uid && written.Replaced.Contains(cached.ResourceVersion))
            {
                return written.After;
            }

            _written.TryRemove(KeyValuePair.Create(key, written));
        }

        return cached;
    }

    private void Remember(ClusterFacts before, ClusterFacts after) =>
        _written.AddOrUpdate(
            before.Namespace + "/" + before.Name,
            _ => ([before.ResourceVersion], after),
            (_, previous) => (previous.After.Uid == after.Uid && previous.After.ResourceVersion == before.ResourceVersion ? [.. previous.Replaced, before.ResourceVersion] : [before.ResourceVersion], after));

    private async Task ReleaseAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        _written.TryRemove(@namespace + "/" + name, out _);
        // The Cluster is gone: its claims go now, not when garbage collection gets to them.
        foreach (var role in VipRole.All)
        {
            if (claims.Find(@namespace, name, role) is { } claim && ClaimManager.IsOrphanOfGoneCluster(claim))
            {
                await claims.DeleteAsync(claim, "its Cluster is gone", cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
