using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Runtime.Informers;
using ClaimModel = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim;
using IPAddressModel = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress;

namespace CapiSdk.IpamSimulator.Pools;

/// <summary>
/// Reads pools, and the addresses and claims that reference them, from the simulator's informer caches. Addresses
/// and claims are indexed by the pool they name (<see cref="ByPool"/>), so a pool's addresses are found without a scan.
/// </summary>
internal sealed class PoolCatalog
{
    /// <summary>The index of claims and addresses by the key of the pool they reference.</summary>
    public const string ByPool = "ipam-simulator/pool";

    private readonly IReadOnlyStore<InClusterIPPool> _pools;
    private readonly IReadOnlyStore<GlobalInClusterIPPool> _globalPools;
    private readonly IReadOnlyStore<IPAddressModel> _addresses;

    public PoolCatalog(IReadOnlyStore<InClusterIPPool> pools, IReadOnlyStore<GlobalInClusterIPPool> globalPools, IReadOnlyStore<IPAddressModel> addresses)
    {
        _pools = pools;
        _globalPools = globalPools;
        _addresses = addresses;
    }

    /// <summary>The pool a claim references, when the claim references a kind this provider serves.</summary>
    public static PoolKey? KeyOf(ClaimModel claim) =>
        claim.Spec.PoolRef is { ApiGroup: IpamConstants.Group, Kind: var kind, Name: { Length: > 0 } name } && IsServedKind(kind)
            ? new PoolKey(kind!, kind == IpamConstants.GlobalInClusterIPPoolKind ? null : claim.Metadata.NamespaceProperty, name)
            : null;

    /// <summary>The pool an address references, when it is a kind this provider serves.</summary>
    public static PoolKey? KeyOf(IPAddressModel address) =>
        address.Spec.PoolRef is { ApiGroup: IpamConstants.Group, Kind: var kind, Name: { Length: > 0 } name } && IsServedKind(kind)
            ? new PoolKey(kind!, kind == IpamConstants.GlobalInClusterIPPoolKind ? null : address.Metadata.NamespaceProperty, name)
            : null;

    /// <summary>The index value of a pool key.</summary>
    public static string IndexValue(PoolKey key) => $"{key.Kind}/{key.Namespace}/{key.Name}";

    /// <summary>The index values of a claim (its pool, if served).</summary>
    public static IEnumerable<string> IndexClaim(ClaimModel claim) => KeyOf(claim) is { } key ? [IndexValue(key)] : [];

    /// <summary>The index values of an address (its pool, if served).</summary>
    public static IEnumerable<string> IndexAddress(IPAddressModel address) => KeyOf(address) is { } key ? [IndexValue(key)] : [];

    /// <summary>The pool, or null when it is not (yet) in the cache.</summary>
    public PoolDefinition? Find(PoolKey key)
    {
        if (key.Kind == IpamConstants.GlobalInClusterIPPoolKind)
        {
            return _globalPools.Get(null, key.Name) is { } global ? Describe(global) : null;
        }

        return _pools.Get(key.Namespace, key.Name) is { } pool ? Describe(pool) : null;
    }

    /// <summary>The addresses referencing the pool, as cached.</summary>
    public IReadOnlyList<IPAddressModel> AddressesOf(PoolKey key) => _addresses.ByIndex(ByPool, IndexValue(key));

    /// <summary>Reads a namespaced pool.</summary>
    public static PoolDefinition Describe(InClusterIPPool pool) => new(
        new PoolKey(IpamConstants.InClusterIPPoolKind, pool.Metadata.NamespaceProperty, pool.Metadata.Name),
        pool,
        pool.Spec?.Addresses?.ToList() ?? [],
        pool.Spec?.Prefix,
        pool.Spec?.Gateway,
        pool.Spec?.ExcludedAddresses?.ToList() ?? [],
        pool.Spec?.AllocateReservedIPAddresses == true);

    /// <summary>Reads a global pool.</summary>
    public static PoolDefinition Describe(GlobalInClusterIPPool pool) => new(
        new PoolKey(IpamConstants.GlobalInClusterIPPoolKind, null, pool.Metadata.Name),
        pool,
        pool.Spec?.Addresses?.ToList() ?? [],
        pool.Spec?.Prefix,
        pool.Spec?.Gateway,
        pool.Spec?.ExcludedAddresses?.ToList() ?? [],
        pool.Spec?.AllocateReservedIPAddresses == true);

    private static bool IsServedKind(string? kind) => kind is IpamConstants.InClusterIPPoolKind or IpamConstants.GlobalInClusterIPPoolKind;
}
