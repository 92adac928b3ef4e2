using CapiSdk.IpamSimulator.Pools;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using k8s.Models;

namespace CapiSdk.IpamSimulator.Claims;

/// <summary>
/// Builds the IPAddress for a claim as the real provider's <c>ipamutil.NewIPAddress</c> and
/// <c>ensureIPAddressOwnerReferences</c> do: named like the claim, in its namespace, controlled by the claim and also
/// owned by the pool (not as controller; both with <c>blockOwnerDeletion</c>), with the claim's Cluster label and the
/// <c>ProtectAddress</c> finalizer.
/// </summary>
internal static class AddressFactory
{
    public static IPAddress Create(IPAddressClaim claim, PoolDefinition pool, string address)
    {
        var labels = claim.Metadata.Labels?.TryGetValue(IpamConstants.ClusterNameLabel, out var cluster) == true
            ? new Dictionary<string, string> { [IpamConstants.ClusterNameLabel] = cluster }
            : null;
        return new IPAddress
        {
            Metadata = new V1ObjectMeta
            {
                Name = claim.Metadata.Name,
                NamespaceProperty = claim.Metadata.NamespaceProperty,
                Labels = labels,
                Finalizers = [IpamConstants.ProtectAddressFinalizer],
                OwnerReferences =
                [
                    Owner(claim.ApiVersion, claim.Kind, claim.Metadata, controller: true),
                    Owner(pool.Object.ApiVersion, pool.Object.Kind, pool.Object.Metadata, controller: false),
                ],
            },
            Spec = new IPAddressSpec
            {
                Address = address,
                Prefix = (int)pool.Prefix!.Value,
                Gateway = string.IsNullOrEmpty(pool.Gateway) ? null : pool.Gateway,
                ClaimRef = new LocalObjectReference { Name = claim.Metadata.Name },
                PoolRef = new TypedLocalObjectReference { ApiGroup = IpamConstants.Group, Kind = pool.Key.Kind, Name = pool.Key.Name },
            },
        };
    }

    private static V1OwnerReference Owner(string apiVersion, string kind, V1ObjectMeta metadata, bool controller) => new()
    {
        ApiVersion = apiVersion,
        Kind = kind,
        Name = metadata.Name,
        Uid = metadata.Uid,
        Controller = controller,
        BlockOwnerDeletion = true,
    };
}
