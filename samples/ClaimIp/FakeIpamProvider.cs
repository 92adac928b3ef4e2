using CapiSdk.Models;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using k8s;
using k8s.Models;

namespace ClaimIp;

/// <summary>
/// NOT part of the sample's main flow: a stand-in for the IPAM provider, run only against the in-process
/// server, where no controller would ever answer a claim. On a real cluster the in-cluster IPAM provider
/// does this job. For each IPAddressClaim on an InClusterIPPool that has no address yet, it takes the
/// pool's first free address, creates an IPAddress named after the claim (owned by it, so deleting the
/// claim releases it), then sets the claim's <c>status.addressRef</c> and a Ready condition. Each step is
/// idempotent: a failed attempt is retried on the claim's next event.
/// </summary>
internal sealed class FakeIpamProvider(IKubernetes kubernetes, string @namespace)
{
    private readonly IPAddressClaimClient _claims = new(kubernetes);
    private readonly IPAddressClient _addresses = new(kubernetes);
    private readonly InClusterIPPoolClient _pools = new(kubernetes);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _claims.WatchAsync(@namespace, cancellationToken: cancellationToken))
            {
                var claim = change.Object;
                if (change.Type is WatchEventKind.Added or WatchEventKind.Modified
                    && claim.Status?.AddressRef is null
                    && claim.Metadata.DeletionTimestamp is null
                    && claim.Spec.PoolRef is { Kind: InClusterIPPool.KubeKind, ApiGroup: InClusterIPPool.KubeGroup })
                {
                    await FulfilAsync(claim, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task FulfilAsync(IPAddressClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var address = await FindAsync(claim.Metadata.Name, cancellationToken) ?? await AllocateAsync(claim, cancellationToken);
            claim.Status = new IPAddressClaimStatus
            {
                AddressRef = new IPAddressClaimStatusAddressRef { Name = address.Metadata.Name },
                Conditions =
                [
                    new IPAddressClaimStatusConditions
                    {
                        Type = "Ready",
                        Status = IPAddressClaimStatusConditionsStatus.True,
                        Reason = "Allocated",
                        Message = "",
                        LastTransitionTime = DateTimeOffset.UtcNow,
                    },
                ],
            };
            await _claims.ReplaceStatusAsync(claim, cancellationToken: cancellationToken);
            Console.WriteLine($"  [fake IPAM provider] {claim.Metadata.Name}: allocated {address.Spec.Address} from InClusterIPPool {address.Spec.PoolRef?.Name}");
        }
        catch (Exception exception) when (exception is KubernetesApiException or InvalidOperationException)
        {
            Console.Error.WriteLine($"  [fake IPAM provider] {claim.Metadata.Name}: {exception.Message} (retried on the claim's next event)");
        }
    }

    private async Task<IPAddress?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _addresses.GetAsync(@namespace, name, cancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    private async Task<IPAddress> AllocateAsync(IPAddressClaim claim, CancellationToken cancellationToken)
    {
        var pool = await _pools.GetAsync(@namespace, claim.Spec.PoolRef!.Name!, cancellationToken);
        var used = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var existing in _addresses.ListAllAsync(@namespace, cancellationToken: cancellationToken))
        {
            if (existing.Spec.PoolRef is { Kind: InClusterIPPool.KubeKind } poolRef && poolRef.Name == pool.Metadata.Name && existing.Spec.Address is { } taken)
            {
                used.Add(taken);
            }
        }

        var free = PoolAddresses.Enumerate(pool.Spec?.Addresses ?? [])
            .Where(candidate => candidate != pool.Spec?.Gateway && !used.Contains(candidate))
            .FirstOrDefault() ?? throw new InvalidOperationException($"InClusterIPPool {pool.Metadata.Name} has no free address");
        return await _addresses.CreateAsync(new IPAddress
        {
            Metadata = new V1ObjectMeta
            {
                Name = claim.Metadata.Name,
                NamespaceProperty = @namespace,
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = claim.ApiVersion,
                        Kind = claim.Kind,
                        Name = claim.Metadata.Name,
                        Uid = claim.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new IPAddressSpec
            {
                Address = free,
                Prefix = (int)(pool.Spec?.Prefix ?? 32),
                Gateway = pool.Spec?.Gateway,
                ClaimRef = new IPAddressSpecClaimRef { Name = claim.Metadata.Name },
                PoolRef = new IPAddressSpecPoolRef { ApiGroup = InClusterIPPool.KubeGroup, Kind = InClusterIPPool.KubeKind, Name = pool.Metadata.Name },
            },
        }, cancellationToken: cancellationToken);
    }
}
