using System.Text.Json;
using CapiSdk.Models;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;

namespace CapiSdk.IpamSimulator;

/// <summary>Deep copies of cached objects (the caches share their objects: never change them in place).</summary>
internal static class Json
{
    public static IPAddressClaim Clone(IPAddressClaim value) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, CrdJsonContext.Default.IPAddressClaimV1Beta2), CrdJsonContext.Default.IPAddressClaimV1Beta2)!;
}
