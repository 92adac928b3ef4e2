using System.Net.Sockets;
using CapiSdk.Client;
using CapiSdk.Runtime.Informers;
using Address = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress;
using Claim = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaim;

namespace CapiVipAllocator.Allocation;

/// <summary>Reads claims: who controls them, what they are bound to, and why they wait.</summary>
internal static class ClaimInspector
{
    /// <summary>The claim's relation to the Cluster with <paramref name="clusterUid"/>.</summary>
    public static ClaimOwnership Ownership(Claim? claim, string clusterUid)
    {
        if (claim is null)
        {
            return ClaimOwnership.Missing;
        }

        if (claim.Metadata.DeletionTimestamp is not null)
        {
            return ClaimOwnership.Deleting;
        }

        var controller = claim.GetControllerReference();
        if (controller is null)
        {
            return ClaimOwnership.Adoptable;
        }

        if (!IsClusterReference(controller.ApiVersion, controller.Kind))
        {
            return ClaimOwnership.Foreign;
        }

        return controller.Uid == clusterUid ? ClaimOwnership.Ours : ClaimOwnership.Stale;
    }

    /// <summary>True for an ownerReference to a cluster.x-k8s.io Cluster (any version).</summary>
    public static bool IsClusterReference(string? apiVersion, string? kind) =>
        kind == "Cluster" && apiVersion?.StartsWith(Names.ClusterGroup + "/", StringComparison.Ordinal) == true;

    /// <summary>The bound address: (ip, null) when valid, (null, problem) when the IPAddress is malformed, (null, null) while unbound.</summary>
    public static (string? Ip, string? Problem) BoundAddress(Claim claim, IReadOnlyStore<Address> addresses)
    {
        var addressName = claim.Status?.AddressRef?.Name;
        if (string.IsNullOrEmpty(addressName))
        {
            return (null, null);
        }

        var address = addresses.Get(claim.Metadata.NamespaceProperty, addressName);
        if (address is null)
        {
            return (null, null);
        }

        var value = address.Spec?.Address;
        if (string.IsNullOrWhiteSpace(value) || !System.Net.IPAddress.TryParse(value, out var ip) ||
            ip.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6) || value.Contains('/', StringComparison.Ordinal))
        {
            return (null, $"IPAddress {claim.Metadata.NamespaceProperty}/{addressName} bound to IPAddressClaim {claim.Metadata.Name} has the malformed address \"{value}\"; fix or delete the IPAddress so the IPAM provider allocates again");
        }

        return (ip.ToString(), null);
    }

    /// <summary>The claim's Ready=False condition reason and message when it reports an exhausted pool, else null.</summary>
    public static string? Exhausted(Claim claim) =>
        claim.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { } ready && ready.Status?.Value == "False" &&
        ready.Reason?.Contains("Exhausted", StringComparison.OrdinalIgnoreCase) == true
            ? ready.Message ?? ready.Reason
            : null;

    /// <summary>The pool the claim references as "Kind/name".</summary>
    public static string PoolOf(Claim claim) => $"{claim.Spec?.PoolRef?.Kind}/{claim.Spec?.PoolRef?.Name}";
}
