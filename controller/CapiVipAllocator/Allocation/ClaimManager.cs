using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Address = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress;
using Claim = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim;
using ClaimClient = CapiSdk.Versions.ServedVersionClient<CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim, CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaimList>;

namespace CapiVipAllocator.Allocation;

/// <summary>
/// Creates, adopts and deletes a Cluster's IPAddressClaims and reads what they are bound to. Every write is
/// idempotent and guarded (a create fails on an existing claim, an adoption and a delete carry a precondition).
/// </summary>
internal sealed class ClaimManager(
    IReadOnlyStore<Claim> claims,
    IReadOnlyStore<Address> addresses,
    ClaimClient client,
    PoolCatalog pools,
    IEventRecorder events,
    ILogger logger,
    TimeProvider time,
    TimeSpan waitingGrace)
{
    private static readonly TimeSpan RecentlyCreated = TimeSpan.FromSeconds(10);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _created = new(StringComparer.Ordinal);

    /// <summary>The cached claim of a role.</summary>
    public Claim? Find(ClusterFacts cluster, VipRole role) => Find(cluster.Namespace, cluster.Name, role);

    /// <summary>The cached claim of a role for a Cluster name (seeing it ends the wait for a claim just created).</summary>
    public Claim? Find(string @namespace, string cluster, VipRole role)
    {
        var name = role.ClaimName(cluster);
        var claim = claims.Get(@namespace, name);
        if (claim is not null)
        {
            _created.TryRemove(@namespace + "/" + name, out _);
        }

        return claim;
    }

    /// <summary>
    /// For a claim whose Cluster no longer exists: true when it is this controller's to delete (controlled by a
    /// Cluster, or ownerless with the role label as the Go operator's runtime extension left them).
    /// </summary>
    public static bool IsOrphanOfGoneCluster(Claim claim) =>
        claim.Metadata.DeletionTimestamp is null &&
        (claim.GetControllerReference() is { } controller
            ? ClaimInspector.IsClusterReference(controller.ApiVersion, controller.Kind)
            : claim.Metadata.Labels?.ContainsKey(Names.RoleLabel) == true);

    /// <summary>The address the role's claim is bound to, when it is this Cluster's (or adoptable) and valid.</summary>
    public string? BoundIp(ClusterFacts cluster, VipRole role) =>
        Find(cluster, role) is { } claim && ClaimInspector.Ownership(claim, cluster.Uid) is ClaimOwnership.Ours or ClaimOwnership.Adoptable
            ? ClaimInspector.BoundAddress(claim, addresses).Ip
            : null;

    /// <summary>
    /// Moves the role's claim one step towards an allocated address: create it from the selected pool, adopt it,
    /// replace a stale one, and report what it is waiting for.
    /// </summary>
    /// <param name="cluster">The Cluster.</param>
    /// <param name="role">The role.</param>
    /// <param name="optional">True when a missing pool means "not requested" (ingress without the annotation).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<RoleOutcome> AllocateAsync(ClusterFacts cluster, VipRole role, bool optional, CancellationToken cancellationToken)
    {
        var claim = Find(cluster, role);
        var name = role.ClaimName(cluster.Name);
        switch (ClaimInspector.Ownership(claim, cluster.Uid))
        {
            case ClaimOwnership.Deleting:
                return RoleOutcome.Waiting("WaitingForClaimDeletion", $"IPAddressClaim {cluster.Namespace}/{name} is being deleted; a new one is created when it is gone");
            case ClaimOwnership.Foreign:
                var controller = claim!.GetControllerReference()!;
                return RoleOutcome.Failed("ClaimConflict", $"IPAddressClaim {cluster.Namespace}/{name} is controlled by {controller.Kind} {controller.Name}, not by this Cluster; delete or rename it");
            case ClaimOwnership.Stale:
                await DeleteAsync(claim!, "it belongs to a deleted Cluster of the same name", cancellationToken).ConfigureAwait(false);
                return RoleOutcome.Waiting("WaitingForClaimDeletion", $"IPAddressClaim {cluster.Namespace}/{name} was left by a deleted Cluster of the same name and is being released; it is never reused");
            case ClaimOwnership.Missing:
                return await CreateAsync(cluster, role, optional, cancellationToken).ConfigureAwait(false);
        }

        claim = await AdoptAsync(cluster, role, claim!, cancellationToken).ConfigureAwait(false);
        var (ip, problem) = ClaimInspector.BoundAddress(claim, addresses);
        if (problem is not null)
        {
            return RoleOutcome.Failed("InvalidAddress", problem);
        }

        var created = claim.Metadata.CreationTimestamp is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        if (ip is not null && DuplicateOf(claim) is { } other)
        {
            if (cluster.Annotation(role == VipRole.ControlPlane ? Names.ControlPlaneVipAnnotation : Names.IngressVipAnnotation) != ip)
            {
                await DeleteAsync(claim, $"its address {ip} is also held by IPAddress {other}", cancellationToken).ConfigureAwait(false);
                events.Record(cluster.Object, EventType.Warning, "DuplicateAddress", $"the IPAM provider gave {ip} to IPAddressClaim {claim.Metadata.Name} although IPAddress {other} already holds it; the claim is released and made again");
                return RoleOutcome.Waiting("DuplicateAddress", $"{ip} is already held by IPAddress {other}; claiming another address");
            }
        }

        if (ip is not null)
        {
            return new RoleOutcome(OutcomeKind.Allocated, "VipAllocated", $"{role.Name} VIP {ip} from {ClaimInspector.PoolOf(claim)}", ip, created);
        }

        return await WaitAsync(cluster, role, claim, created, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The index of IPAddresses by pool and address (to catch an address handed out twice).</summary>
    public const string AddressIndex = "vip-allocator/pool-address";

    /// <summary>The index values of an IPAddress.</summary>
    public static IEnumerable<string> AddressKeys(Address address) =>
        address.Spec?.Address is { Length: > 0 } ip && System.Net.IPAddress.TryParse(ip, out var parsed)
            ? [$"{address.Spec.PoolRef?.Kind}/{(address.Spec.PoolRef?.Kind == Names.GlobalPoolKind ? "" : address.Metadata.NamespaceProperty)}/{address.Spec.PoolRef?.Name}/{parsed}"]
            : [];

    /// <summary>Another IPAddress of the same pool, created before the claim's, holding the same address; null when none.</summary>
    private string? DuplicateOf(Claim claim)
    {
        var own = addresses.Get(claim.Metadata.NamespaceProperty, claim.Status!.AddressRef!.Name!);
        if (own is null)
        {
            return null;
        }

        foreach (var key in AddressKeys(own))
        {
            foreach (var other in addresses.ByIndex(AddressIndex, key))
            {
                if (other.Metadata.Uid != own.Metadata.Uid && Earlier(other, own))
                {
                    return other.Metadata.NamespaceProperty + "/" + other.Metadata.Name;
                }
            }
        }

        return null;
    }

    private static bool Earlier(Address a, Address b) =>
        (a.Metadata.CreationTimestamp ?? DateTime.MaxValue) < (b.Metadata.CreationTimestamp ?? DateTime.MaxValue) ||
        ((a.Metadata.CreationTimestamp == b.Metadata.CreationTimestamp) && string.CompareOrdinal(a.Metadata.NamespaceProperty + "/" + a.Metadata.Name, b.Metadata.NamespaceProperty + "/" + b.Metadata.Name) < 0);

    /// <summary>Deletes a claim (UID precondition; already gone is fine).</summary>
    public async Task DeleteAsync(Claim claim, string why, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync(claim.Metadata.NamespaceProperty, claim.Metadata.Name, new DeleteOptions { PreconditionUid = claim.Metadata.Uid }, cancellationToken).ConfigureAwait(false);
            AllocatorLog.ClaimReleased(logger, claim.Metadata.Name, why);
        }
        catch (Exception e) when (e is KubernetesNotFoundException or KubernetesConflictException)
        {
            // Gone already, or replaced by a newer claim (another UID): nothing of ours to delete.
        }
    }

    private async Task<RoleOutcome> WaitAsync(ClusterFacts cluster, VipRole role, Claim claim, DateTimeOffset? created, CancellationToken cancellationToken)
    {
        if (ClaimInspector.Exhausted(claim) is { } exhausted)
        {
            return RoleOutcome.Failed("PoolExhausted", $"{ClaimInspector.PoolOf(claim)} has no free address for IPAddressClaim {claim.Metadata.Name} ({exhausted}); free an address or add addresses to the pool; the VIP is written as soon as one is allocated");
        }

        // Before anything was written to the Cluster, a claim on another pool than the one selected now is replaced.
        var choice = pools.Select(cluster, role);
        if (choice.Pool is { } pool && (claim.Spec?.PoolRef?.Kind != pool.Kind || claim.Spec?.PoolRef?.Name != pool.Name))
        {
            await DeleteAsync(claim, $"the selected pool is now {pool.Display}", cancellationToken).ConfigureAwait(false);
            return RoleOutcome.Waiting("PoolChanged", $"the selected pool changed from {ClaimInspector.PoolOf(claim)} to {pool.Display}; the claim is replaced");
        }

        var waited = created is { } c ? time.GetUtcNow() - c : waitingGrace;
        var message = $"waiting for the IPAM provider to allocate an address from {ClaimInspector.PoolOf(claim)} to IPAddressClaim {claim.Metadata.Name}" +
            (ClaimInspector.Failure(claim) is { } failure ? $" (the provider reports {failure})" : "");
        return waited < waitingGrace
            ? RoleOutcome.Waiting("WaitingForAddress", message, waitingGrace - waited)
            : RoleOutcome.Waiting("WaitingForAddress", message + $" (for {waited.TotalSeconds:0} s; is the IPAM provider running?)");
    }

    private async Task<RoleOutcome> CreateAsync(ClusterFacts cluster, VipRole role, bool optional, CancellationToken cancellationToken)
    {
        // A claim this process just created that the cache has not shown yet: wait for its watch event instead of a
        // second create that would only get AlreadyExists (bounded, so a claim deleted meanwhile is made again).
        var key = cluster.Namespace + "/" + role.ClaimName(cluster.Name);
        if (_created.TryGetValue(key, out var at) && time.GetElapsedTime(at) < RecentlyCreated)
        {
            return RoleOutcome.Waiting("WaitingForAddress", $"IPAddressClaim {key} was just created", waitingGrace);
        }

        var choice = pools.Select(cluster, role);
        if (choice.Pool is not { } pool)
        {
            return optional && choice.Reason == "NoMatchingPool" ? RoleOutcome.Disabled : RoleOutcome.Failed(choice.Reason!, choice.Message!);
        }

        var claim = new Claim
        {
            Metadata = new()
            {
                Name = role.ClaimName(cluster.Name),
                NamespaceProperty = cluster.Namespace,
                Labels = new Dictionary<string, string> { [Names.RoleLabel] = role.Name, [Names.ClusterNameLabel] = cluster.Name },
            },
            Spec = new() { PoolRef = new() { ApiGroup = Names.IpamGroup, Kind = pool.Kind, Name = pool.Name }, ClusterName = cluster.Name },
        };
        claim.SetOwnerReference(cluster.Object);
        try
        {
            await client.CreateAsync(claim, new WriteOptions { FieldManager = Names.FieldManager }, cancellationToken).ConfigureAwait(false);
            _created[key] = time.GetTimestamp();
            AllocatorLog.ClaimCreated(logger, claim.Metadata.Name, pool.Display);
        }
        catch (KubernetesAlreadyExistsException)
        {
            // The cache is behind: the claim's watch event reconciles this Cluster again.
        }
        catch (KubernetesInvalidException e)
        {
            return RoleOutcome.Failed("InvalidClaim", $"the API server rejected IPAddressClaim {claim.Metadata.Name}: {e.Message}");
        }

        return RoleOutcome.Waiting("WaitingForAddress", $"waiting for the IPAM provider to allocate an address from {pool.Display} to IPAddressClaim {claim.Metadata.Name}", waitingGrace);
    }

    private async Task<Claim> AdoptAsync(ClusterFacts cluster, VipRole role, Claim claim, CancellationToken cancellationToken)
    {
        var labels = claim.Metadata.Labels;
        var owned = claim.GetControllerReference() is not null;
        if (owned && labels is not null && labels.TryGetValue(Names.RoleLabel, out var r) && r == role.Name &&
            labels.TryGetValue(Names.ClusterNameLabel, out var c) && c == cluster.Name)
        {
            return claim;
        }

        var references = new JsonArray();
        foreach (var reference in claim.Metadata.OwnerReferences ?? [])
        {
            if (reference.Controller != true)
            {
                references.Add((JsonNode)new JsonObject { ["apiVersion"] = reference.ApiVersion, ["kind"] = reference.Kind, ["name"] = reference.Name, ["uid"] = reference.Uid });
            }
        }

        var owner = owned ? claim.GetControllerReference()! : null;
        references.Add((JsonNode)new JsonObject
        {
            ["apiVersion"] = owner?.ApiVersion ?? cluster.Object.ApiVersion,
            ["kind"] = "Cluster",
            ["name"] = cluster.Name,
            ["uid"] = cluster.Uid,
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = claim.Metadata.ResourceVersion,
                ["labels"] = new JsonObject { [Names.RoleLabel] = role.Name, [Names.ClusterNameLabel] = cluster.Name },
                ["ownerReferences"] = references,
            },
        };
        var adopted = await client.PatchAsync(cluster.Namespace, claim.Metadata.Name, PatchFormat.Merge, patch.ToJsonString(), new WriteOptions { FieldManager = Names.FieldManager }, cancellationToken).ConfigureAwait(false);
        AllocatorLog.ClaimAdopted(logger, claim.Metadata.Name);
        events.Record(cluster.Object, EventType.Normal, "ClaimAdopted", $"IPAddressClaim {claim.Metadata.Name} adopted (owner and labels set); its address is kept");
        return adopted;
    }
}
