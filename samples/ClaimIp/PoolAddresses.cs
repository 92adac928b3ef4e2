using System.Net;
using System.Net.Sockets;

namespace ClaimIp;

/// <summary>The IPv4 addresses an InClusterIPPool's <c>spec.addresses</c> lists: single addresses, ranges (<c>a-b</c>) and CIDRs.</summary>
internal static class PoolAddresses
{
    public static IEnumerable<string> Enumerate(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var (first, last) = Bounds(entry.Trim());
            for (var value = first; value <= last && value >= first; value++)
            {
                yield return ToAddress(value);
            }
        }
    }

    private static (uint First, uint Last) Bounds(string entry)
    {
        if (entry.Split('-') is [var from, var to])
        {
            return (ToNumber(from), ToNumber(to));
        }

        if (entry.Split('/') is [var network, var length])
        {
            var bits = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
            var start = ToNumber(network) & mask;
            var end = start | ~mask;
            // Leave out the network and broadcast addresses, as the in-cluster provider does.
            return bits >= 31 ? (start, end) : (start + 1, end - 1);
        }

        var single = ToNumber(entry);
        return (single, single);
    }

    private static uint ToNumber(string address)
    {
        var parsed = IPAddress.Parse(address.Trim());
        if (parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new NotSupportedException("This sample's fake provider hands out IPv4 addresses only: " + address);
        }

        var bytes = parsed.GetAddressBytes();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    private static string ToAddress(uint value) =>
        new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
}
