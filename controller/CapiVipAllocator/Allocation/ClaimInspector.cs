using System.Net.Sockets;
using System.Text.Json;
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
        NotReady(claim) is { } ready && ready.Reason?.Contains("Exhausted", StringComparison.OrdinalIgnoreCase) == true ? ready.Message ?? ready.Reason : null;

    /// <summary>"Reason: message" of the claim's Ready=False condition for any other reason (AllocationFailed, PoolNotReady), else null.</summary>
    public static string? Failure(Claim claim) =>
        NotReady(claim) is { } ready && ready.Reason?.Contains("Exhausted", StringComparison.OrdinalIgnoreCase) != true
            ? ready.Reason + (string.IsNullOrEmpty(ready.Message) ? "" : ": " + ready.Message)
            : null;

    /// <summary>
    /// The claim's Ready condition when it is False. A v1beta1 claim of Cluster API 1.9+ keeps the metav1 conditions in
    /// <c>status.v1beta2.conditions</c>, and a provider built on the v1beta2 types (the in-cluster provider since it
    /// moved to Cluster API 1.11) writes only those; its <c>status.conditions</c> are the old v1beta1 ones. So the
    /// v1beta2 list wins when it has a Ready condition; otherwise <c>status.conditions</c> (v1beta2 and v1alpha1 claims,
    /// older providers).
    /// </summary>
    private static (string? Reason, string? Message)? NotReady(Claim claim)
    {
        if (claim.Status?.AdditionalProperties?.TryGetValue("v1beta2", out var v1beta2) == true && v1beta2.ValueKind == JsonValueKind.Object &&
            v1beta2.TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array)
        {
            foreach (var condition in conditions.EnumerateArray())
            {
                if (condition.ValueKind == JsonValueKind.Object && Text(condition, "type") == "Ready")
                {
                    return Text(condition, "status") == "False" ? (Text(condition, "reason"), Text(condition, "message")) : null;
                }
            }
        }

        return claim.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { } ready && ready.Status?.Value == "False" ? (ready.Reason, ready.Message) : null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The pool the claim references as "Kind/name".</summary>
    public static string PoolOf(Claim claim) => $"{claim.Spec?.PoolRef?.Kind}/{claim.Spec?.PoolRef?.Name}";
}
