using CapiSdk.IpamSimulator.Addresses;
using IPAddressModel = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress;

namespace CapiSdk.IpamSimulator.Pools;

/// <summary>
/// A pool's <c>status.ipAddresses</c>, counted as the real pool reconciler counts them: <c>total</c> = addresses the
/// pool may hand out (after exclusions, reserved addresses and the gateway), <c>used</c> = IPAddresses referencing
/// the pool, <c>free</c> = total − used, <c>outOfRange</c> = used addresses outside what the pool may hand out (for
/// example after the pool was shrunk). Counts saturate at <see cref="long.MaxValue"/> (a large IPv6 pool).
/// </summary>
/// <param name="Total">Addresses the pool may hand out.</param>
/// <param name="Used">IPAddresses referencing the pool.</param>
/// <param name="Free">Total minus used.</param>
/// <param name="OutOfRange">Used addresses outside the pool.</param>
internal readonly record struct PoolUsage(long Total, long Used, long Free, long OutOfRange)
{
    public static PoolUsage Count(PoolAddressSpace space, IReadOnlyList<IPAddressModel> addresses)
    {
        var total = space.Allocatable.Count;
        var outOfRange = new IpSet();
        foreach (var address in addresses)
        {
            if (IpValue.TryParse(address.Spec.Address ?? "", out var value) && !space.Allocatable.Contains(value))
            {
                outOfRange.Add(IpRange.Single(value));
            }
        }

        long used = addresses.Count;
        return new PoolUsage(total, used, total == long.MaxValue ? long.MaxValue : total - used, outOfRange.Count);
    }
}
