using CapiSdk.Client;
using CapiSdk.Models;
using k8s;
using Alpha1 = CapiSdk.Models.Ipam.Cluster.V1Alpha1;
using Alpha2 = CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using Beta1 = CapiSdk.Models.Ipam.Cluster.V1Beta1;
using Beta2 = CapiSdk.Models.Ipam.Cluster.V1Beta2;

namespace CapiSdk.Versions;

/// <summary>
/// The ipam.cluster.x-k8s.io versions an API server serves, found by <see cref="DiscoverAsync"/> (the newest served
/// wins): IPAddressClaim and IPAddress v1beta2 (Cluster API 1.11+), v1beta1 or v1alpha1; InClusterIPPool and
/// GlobalInClusterIPPool v1alpha2 or v1alpha1. Its clients read and write those versions with the newest models
/// (v1beta2 claims and addresses, v1alpha2 pools), whose field names the older versions share
/// (<see cref="ServedVersionClient{T, TList}"/>); <c>spec.clusterName</c> is dropped from claims written as v1alpha1,
/// which has no such field.
/// </summary>
/// <param name="Claims">The IPAddressClaim and IPAddress version: <c>v1beta2</c>, <c>v1beta1</c> or <c>v1alpha1</c>.</param>
/// <param name="Pools">The InClusterIPPool and GlobalInClusterIPPool version: <c>v1alpha2</c> or <c>v1alpha1</c>.</param>
public sealed record IpamApiVersions(string Claims, string Pools)
{
    /// <summary>The claim and address versions, newest first.</summary>
    public static IReadOnlyList<string> ClaimVersions { get; } = ["v1beta2", "v1beta1", "v1alpha1"];

    /// <summary>The pool versions, newest first.</summary>
    public static IReadOnlyList<string> PoolVersions { get; } = ["v1alpha2", "v1alpha1"];

    /// <summary>True when the claim version has <c>spec.clusterName</c> (v1beta1 and v1beta2; v1alpha1 has not).</summary>
    public bool ClaimsHaveClusterName => Claims != "v1alpha1";

    /// <summary>
    /// Finds the newest served version of each IPAM kind by listing one object of it (a served version answers, one
    /// that is not served is 404). Other failures (the server unreachable, 5xx, 403) are thrown as they are.
    /// </summary>
    /// <param name="kubernetes">The API server.</param>
    /// <param name="namespace">The namespace to list in (null: all); GlobalInClusterIPPools are listed cluster-wide.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="InvalidOperationException">A kind is served in none of its versions; the message names each such kind.</exception>
    public static async Task<IpamApiVersions> DiscoverAsync(IKubernetes kubernetes, string? @namespace, CancellationToken cancellationToken)
    {
        var claims = await FirstServedAsync<Beta2.IPAddressClaim, Beta2.IPAddressClaimList>(kubernetes, @namespace, ClaimVersions, ClaimDescriptor, cancellationToken).ConfigureAwait(false);
        var addresses = await FirstServedAsync<Beta2.IPAddress, Beta2.IPAddressList>(kubernetes, @namespace, ClaimVersions, AddressDescriptor, cancellationToken).ConfigureAwait(false);
        var pools = await FirstServedAsync<Alpha2.InClusterIPPool, Alpha2.InClusterIPPoolList>(kubernetes, @namespace, PoolVersions, PoolDescriptor, cancellationToken).ConfigureAwait(false);
        var globalPools = await FirstServedAsync<Alpha2.GlobalInClusterIPPool, Alpha2.GlobalInClusterIPPoolList>(kubernetes, null, PoolVersions, GlobalPoolDescriptor, cancellationToken).ConfigureAwait(false);
        return Choose(claims, addresses, pools, globalPools);
    }

    /// <summary>
    /// The versions to use from the newest served version of each kind (null: that kind is not served in any version
    /// of <see cref="ClaimVersions"/> or <see cref="PoolVersions"/>): claims and addresses share one version, the older
    /// of the two when they differ (both come from Cluster API's CRDs), and so do the two pool kinds.
    /// </summary>
    /// <param name="claims">The newest served IPAddressClaim version.</param>
    /// <param name="addresses">The newest served IPAddress version.</param>
    /// <param name="pools">The newest served InClusterIPPool version.</param>
    /// <param name="globalPools">The newest served GlobalInClusterIPPool version.</param>
    /// <exception cref="InvalidOperationException">A kind is not served; the message names each such kind.</exception>
    public static IpamApiVersions Choose(string? claims, string? addresses, string? pools, string? globalPools)
    {
        var missing = new List<string>();
        Require(missing, claims, "ipaddressclaims", ClaimVersions);
        Require(missing, addresses, "ipaddresses", ClaimVersions);
        Require(missing, pools, "inclusterippools", PoolVersions);
        Require(missing, globalPools, "globalinclusterippools", PoolVersions);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The API server serves no version of {string.Join(", ", missing)}: install the IPAM CRDs (Cluster API's and the in-cluster IPAM provider's; the CapiSdk package ships them under crds/).");
        }

        return new IpamApiVersions(Older(ClaimVersions, claims!, addresses!), Older(PoolVersions, pools!, globalPools!));
    }

    /// <summary>A client for IPAddressClaims in <see cref="Claims"/>.</summary>
    /// <param name="kubernetes">The API server.</param>
    public ServedVersionClient<Beta2.IPAddressClaim, Beta2.IPAddressClaimList> ClaimClient(IKubernetes kubernetes) =>
        new(kubernetes, ClaimDescriptor(Claims), ClaimsHaveClusterName ? null : ["spec.clusterName"]);

    /// <summary>A client for IPAddresses in <see cref="Claims"/>.</summary>
    /// <param name="kubernetes">The API server.</param>
    public ServedVersionClient<Beta2.IPAddress, Beta2.IPAddressList> AddressClient(IKubernetes kubernetes) =>
        new(kubernetes, AddressDescriptor(Claims));

    /// <summary>A client for InClusterIPPools in <see cref="Pools"/>.</summary>
    /// <param name="kubernetes">The API server.</param>
    public ServedVersionClient<Alpha2.InClusterIPPool, Alpha2.InClusterIPPoolList> InClusterPoolClient(IKubernetes kubernetes) =>
        new(kubernetes, PoolDescriptor(Pools), Pools == "v1alpha1" ? V1Alpha2OnlyPoolFields : null);

    /// <summary>A client for GlobalInClusterIPPools in <see cref="Pools"/>.</summary>
    /// <param name="kubernetes">The API server.</param>
    public ServedVersionClient<Alpha2.GlobalInClusterIPPool, Alpha2.GlobalInClusterIPPoolList> GlobalPoolClient(IKubernetes kubernetes) =>
        new(kubernetes, GlobalPoolDescriptor(Pools), Pools == "v1alpha1" ? V1Alpha2OnlyPoolFields : null);

    private static readonly string[] V1Alpha2OnlyPoolFields = ["spec.excludedAddresses", "spec.allocateReservedIPAddresses", "spec.addressReuseGracePeriodSeconds"];

    private static ResourceDescriptor ClaimDescriptor(string version) => version switch
    {
        "v1beta2" => Beta2.IPAddressClaimClient.Descriptor,
        "v1beta1" => Beta1.IPAddressClaimClient.Descriptor,
        "v1alpha1" => Alpha1.IPAddressClaimClient.Descriptor,
        _ => throw Unknown(version, ClaimVersions),
    };

    private static ResourceDescriptor AddressDescriptor(string version) => version switch
    {
        "v1beta2" => Beta2.IPAddressClient.Descriptor,
        "v1beta1" => Beta1.IPAddressClient.Descriptor,
        "v1alpha1" => Alpha1.IPAddressClient.Descriptor,
        _ => throw Unknown(version, ClaimVersions),
    };

    private static ResourceDescriptor PoolDescriptor(string version) => version switch
    {
        "v1alpha2" => Alpha2.InClusterIPPoolClient.Descriptor,
        "v1alpha1" => Alpha1.InClusterIPPoolClient.Descriptor,
        _ => throw Unknown(version, PoolVersions),
    };

    private static ResourceDescriptor GlobalPoolDescriptor(string version) => version switch
    {
        "v1alpha2" => Alpha2.GlobalInClusterIPPoolClient.Descriptor,
        "v1alpha1" => Alpha1.GlobalInClusterIPPoolClient.Descriptor,
        _ => throw Unknown(version, PoolVersions),
    };

    private static ArgumentException Unknown(string version, IReadOnlyList<string> known) =>
        new($"\"{version}\" is not an ipam.cluster.x-k8s.io version of this kind; use one of {string.Join(", ", known)}.", nameof(version));

    private static void Require(List<string> missing, string? found, string plural, IReadOnlyList<string> versions)
    {
        if (found is null)
        {
            missing.Add($"{plural}.ipam.cluster.x-k8s.io ({string.Join(", ", versions)})");
        }
    }

    private static string Older(IReadOnlyList<string> versions, string a, string b) =>
        versions.Select((v, i) => (v, i)).Where(x => x.v == a || x.v == b).Last().v;

    private static async Task<string?> FirstServedAsync<T, TList>(IKubernetes kubernetes, string? @namespace, IReadOnlyList<string> versions, Func<string, ResourceDescriptor> descriptor, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<k8s.Models.V1ObjectMeta>
        where TList : class, k8s.Models.IItems<T>, IKubernetesObject<k8s.Models.V1ListMeta>
    {
        foreach (var version in versions)
        {
            try
            {
                await new ServedVersionClient<T, TList>(kubernetes, descriptor(version))
                    .ListAsync(descriptor(version).Namespaced ? @namespace : null, new ListOptions { Limit = 1 }, cancellationToken).ConfigureAwait(false);
                return version;
            }
            catch (KubernetesNotFoundException)
            {
            }
        }

        return null;
    }
}
