using CapiSdk.Client;
using CapiSdk.IpamSimulator.Addresses;
using CapiSdk.IpamSimulator.Pools;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using Microsoft.Extensions.Logging;
using AddressClient = CapiSdk.Versions.ServedVersionClient<CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress, CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressList>;
using ClaimClient = CapiSdk.Versions.ServedVersionClient<CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim, CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaimList>;

namespace CapiSdk.IpamSimulator.Claims;

/// <summary>
/// The in-cluster provider's claim reconciler (<c>ipamutil.ClaimReconciler</c> with the in-cluster adapter): skip
/// claims of a paused (or missing) Cluster, add the <c>ReleaseAddress</c> finalizer, release on deletion, otherwise
/// make sure an IPAddress named like the claim exists (allocating the lowest free address) and report it in
/// <c>status.addressRef</c> and the Ready condition. Reads come from the caches; every write is conditional on the
/// resourceVersion it was computed from, so a conflict only means "reconcile again".
/// </summary>
internal sealed class ClaimReconciler : IReconciler<IPAddressClaim>
{
    private readonly IReadOnlyStore<IPAddressClaim> _claims;
    private readonly IReadOnlyStore<IPAddress> _addresses;
    private readonly Func<string?, string, bool?>? _clusterPaused;
    private readonly PoolCatalog _catalog;
    private readonly AddressLedger _ledger;
    private readonly ClaimClient _claimClient;
    private readonly AddressClient _addressClient;
    private readonly IpamSimulatorOptions _options;
    private readonly ILogger _logger;

    public ClaimReconciler(
        IReadOnlyStore<IPAddressClaim> claims,
        IReadOnlyStore<IPAddress> addresses,
        Func<string?, string, bool?>? clusterPaused,
        PoolCatalog catalog,
        AddressLedger ledger,
        ClaimClient claimClient,
        AddressClient addressClient,
        IpamSimulatorOptions options,
        ILogger logger)
    {
        _claims = claims;
        _addresses = addresses;
        _clusterPaused = clusterPaused;
        _catalog = catalog;
        _ledger = ledger;
        _claimClient = claimClient;
        _addressClient = addressClient;
        _options = options;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (_claims.Get(request.Namespace, request.Name) is not { } cached || PoolCatalog.KeyOf(cached) is not { } poolKey)
        {
            return ReconcileResult.Done;
        }

        if (SkipReason(cached) is { } why)
        {
            IpamSimulatorLog.Skipped(_logger, request.Namespace, request.Name, why);
            return ReconcileResult.Done;
        }

        try
        {
            if (cached.IsBeingDeleted())
            {
                await ReleaseAsync(cached, cancellationToken).ConfigureAwait(false);
                return ReconcileResult.Done;
            }

            var claim = cached;
            if (!claim.Metadata.Finalizers?.Contains(IpamConstants.ReleaseAddressFinalizer) ?? true)
            {
                claim = Json.Clone(claim);
                claim.AddFinalizer(IpamConstants.ReleaseAddressFinalizer);
                claim = await _claimClient.ReplaceAsync(claim, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var outcome = await EnsureAddressAsync(claim, poolKey, cancellationToken).ConfigureAwait(false);
            await WriteStatusAsync(claim, outcome, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }
        catch (KubernetesConflictException)
        {
            return ReconcileResult.RequeueNow;   // the claim changed meanwhile: decide again on the newer version
        }
        catch (KubernetesNotFoundException)
        {
            return ReconcileResult.Done;         // the claim is gone; its delete event brings nothing more to do
        }
    }

    // Cluster API's rules: a paused claim, a claim of a paused Cluster, and (unless being deleted) a claim naming
    // a Cluster that does not exist are left alone.
    private string? SkipReason(IPAddressClaim claim)
    {
        if (claim.Metadata.Annotations?.ContainsKey(IpamConstants.PausedAnnotation) == true)
        {
            return "the claim has the cluster.x-k8s.io/paused annotation";
        }

        var clusterName = ClaimCluster.NameOf(claim);
        if (clusterName is null || _clusterPaused is null)
        {
            return null;
        }

        return _clusterPaused(claim.Metadata.NamespaceProperty, clusterName) switch
        {
            null => claim.IsBeingDeleted() ? null : $"its Cluster {claim.Metadata.NamespaceProperty}/{clusterName} does not exist (its paused state is unknown)",
            true => $"its Cluster {claim.Metadata.NamespaceProperty}/{clusterName} is paused",
            false => null,
        };
    }

    private async Task<AllocationOutcome> EnsureAddressAsync(IPAddressClaim claim, PoolKey poolKey, CancellationToken cancellationToken)
    {
        var name = claim.Metadata.Name;
        var @namespace = claim.Metadata.NamespaceProperty;
        // The ledger before the cache, for the same reason as in TakenAddresses.
        var reserved = _ledger.For(@namespace, name, claim.Metadata.Uid);
        if (_addresses.Get(@namespace, name) is { } existing)
        {
            // An address of an earlier claim of the same name that is being released: wait for it to go (its
            // delete event reconciles this claim again), so addressRef never names an address about to vanish.
            // One that is not being released is adopted, as the real provider's CreateOrPatch adopts it.
            return existing.GetControllerReference() is { Kind: "IPAddressClaim" } owner && owner.Uid != claim.Metadata.Uid && existing.IsBeingDeleted()
                ? AllocationOutcome.Failure(IpamConstants.AllocationFailedReason, $"IPAddress {@namespace}/{name} of an earlier IPAddressClaim of the same name is being released; an address is allocated once it is gone")
                : AllocationOutcome.Allocated(name);
        }

        if (reserved is { Created: true })
        {
            return AllocationOutcome.Allocated(name);   // created moments ago; the cache has not caught up yet
        }

        if (_catalog.Find(poolKey) is not { } pool)
        {
            return Failed(claim, IpamConstants.PoolNotReadyReason, $"{poolKey} not found: create it, or point spec.poolRef at an existing pool");
        }

        if (pool.Paused)
        {
            return AllocationOutcome.Unchanged;
        }

        var space = PoolAddressSpace.Build(pool);
        if (space.Error is { } error)
        {
            return Failed(claim, IpamConstants.PoolNotReadyReason, error);
        }

        if (_options.AllocationLatency > TimeSpan.Zero)
        {
            await Task.Delay(_options.AllocationLatency, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        using (await _ledger.LockAsync(poolKey, cancellationToken).ConfigureAwait(false))
        {
            // A create whose outcome was unknown is retried with the address reserved for it then.
            IpValue free;
            if (reserved is { } earlier && IpValue.TryParse(earlier.Address, out var again) && space.Allocatable.Contains(again))
            {
                free = again;
            }
            else
            {
                var taken = TakenAddresses(pool.Key, except: reserved?.Address);
                if (space.Allocatable.FirstFree(taken.Contains) is not { } lowest)
                {
                    IpamSimulatorLog.Exhausted(_logger, @namespace, name, pool.Key.ToString());
                    return AllocationOutcome.Failure(IpamConstants.PoolExhaustedReason, $"{pool.Key} has no free address ({taken.Count} in use of {space.Allocatable.Count}); the claim is allocated when one is released");
                }

                free = lowest;
            }

            _ledger.Reserve(@namespace, name, claim.Metadata.Uid, pool.Key, free.ToString());
            var address = AddressFactory.Create(claim, pool, free.ToString());
            try
            {
                address = await _addressClient.CreateAsync(address, cancellationToken: cancellationToken).ConfigureAwait(false);
                _ledger.Created(@namespace, name);
                IpamSimulatorLog.Allocated(_logger, @namespace, name, free.ToString(), pool.Key.ToString());
            }
            catch (KubernetesAlreadyExistsException)
            {
                // Created by an earlier attempt whose answer was lost, or not yet in the cache: use what is there.
                address = await _addressClient.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
                // What is reserved for the claim is what it holds, not the address this attempt chose (which would
                // otherwise stay reserved for nobody).
                _ledger.Reserve(@namespace, name, claim.Metadata.Uid, pool.Key, address.Spec.Address ?? free.ToString());
                _ledger.Created(@namespace, name);
            }
            catch (KubernetesInvalidException e)
            {
                // The server refused the IPAddress (for example a schema rule on it): retrying cannot help, say why.
                _ledger.Forget(@namespace, name);
                return Failed(claim, IpamConstants.AllocationFailedReason, $"the API server refused IPAddress {@namespace}/{name} ({free} from {pool.Key}): {e.Message}");
            }

            return AllocationOutcome.Allocated(address.Metadata.Name);
        }
    }

    private HashSet<IpValue> TakenAddresses(PoolKey pool, string? except)
    {
        // The ledger first, then the cache: the informer stores an address before it tells the ledger, so an address
        // that leaves the ledger between the two reads is in the cache by then. Read the other way round, an
        // address could be in neither (and be handed out twice).
        var pending = _ledger.PendingIn(pool).ToList();
        var taken = new HashSet<IpValue>();
        foreach (var address in _catalog.AddressesOf(pool))
        {
            if (IpValue.TryParse(address.Spec.Address ?? "", out var value))
            {
                taken.Add(value);
            }
            else
            {
                IpamSimulatorLog.MalformedAddress(_logger, address.Metadata.NamespaceProperty, address.Metadata.Name, pool.ToString(), address.Spec.Address);
            }
        }

        foreach (var reservedAddress in pending)
        {
            if (reservedAddress != except && IpValue.TryParse(reservedAddress, out var value))
            {
                taken.Add(value);
            }
        }

        return taken;
    }

    private AllocationOutcome Failed(IPAddressClaim claim, string reason, string message)
    {
        IpamSimulatorLog.PoolNotReady(_logger, claim.Metadata.NamespaceProperty, claim.Metadata.Name, message);
        return AllocationOutcome.Failure(reason, message);
    }

    private async Task WriteStatusAsync(IPAddressClaim claim, AllocationOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Reason is null)
        {
            return;
        }

        var updated = Json.Clone(claim);
        var status = updated.Status ??= new IPAddressClaimStatus();
        var changed = false;
        if (outcome.AddressName is { } addressName && status.AddressRef?.Name != addressName)
        {
            status.AddressRef = new LocalObjectReference { Name = addressName };
            changed = true;
        }

        // v1beta1 and v1alpha1 claims keep Cluster API's v1beta1 conditions in status.conditions, whose message, when
        // present, must not be empty (v1beta2's metav1 conditions always carry one).
        var v1beta2 = claim.ApiVersion == IpamConstants.Group + "/v1beta2";
        changed |= updated.SetCondition(
            IpamConstants.ReadyCondition,
            outcome.AddressName is null ? ConditionStatus.False : ConditionStatus.True,
            outcome.Reason,
            outcome.Message is { Length: 0 } && !v1beta2 ? null : outcome.Message,
            claim.Metadata.Generation,
            _options.TimeProvider);
        if (changed)
        {
            await _claimClient.ReplaceStatusAsync(updated, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    // reconcileDelete: drop the address's ProtectAddress finalizer, delete the address, then drop the claim's finalizer.
    private async Task ReleaseAsync(IPAddressClaim claim, CancellationToken cancellationToken)
    {
        var @namespace = claim.Metadata.NamespaceProperty;
        var name = claim.Metadata.Name;
        try
        {
            var address = await _addressClient.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
            if (address.RemoveFinalizer(IpamConstants.ProtectAddressFinalizer))
            {
                await _addressClient.ReplaceAsync(address, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await _addressClient.DeleteAsync(@namespace, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            IpamSimulatorLog.Released(_logger, @namespace, name);
        }
        catch (KubernetesNotFoundException)
        {
            // Already gone (deleted by hand, or by garbage collection).
        }

        _ledger.Forget(@namespace, name);

        if (claim.Metadata.Finalizers?.Contains(IpamConstants.ReleaseAddressFinalizer) == true)
        {
            var updated = Json.Clone(claim);
            updated.RemoveFinalizer(IpamConstants.ReleaseAddressFinalizer);
            await _claimClient.ReplaceAsync(updated, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
