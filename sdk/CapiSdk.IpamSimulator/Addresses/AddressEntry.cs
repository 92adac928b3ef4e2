using System.Globalization;

namespace CapiSdk.IpamSimulator.Addresses;

/// <summary>
/// One entry of a pool's <c>addresses</c> or <c>excludedAddresses</c>, read as the real provider's
/// <c>poolutil.AddressToIPSet</c> reads it: an entry containing <c>-</c> is a range <c>first-last</c>, one containing
/// <c>/</c> a CIDR (the whole network of the prefix, whatever host bits are set), anything else a single address.
/// </summary>
internal static class AddressEntry
{
    /// <summary>Parses an entry; false when it is not a valid IP, range, nor CIDR.</summary>
    public static bool TryParse(string? entry, out IpRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(entry))
        {
            return false;
        }

        if (entry.Contains('-', StringComparison.Ordinal))
        {
            var parts = entry.Split('-');
            if (parts.Length != 2 || !IpValue.TryParse(parts[0], out var first) || !IpValue.TryParse(parts[1], out var last)
                || first.IsV6 != last.IsV6 || last.Value < first.Value)
            {
                return false;
            }

            range = new IpRange(first.IsV6, first.Value, last.Value);
            return true;
        }

        if (entry.Contains('/', StringComparison.Ordinal))
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var bitsText = entry[(slash + 1)..];
            if (!IpValue.TryParse(entry[..slash], out var address) || bitsText.Length is 0 or > 3
                || (bitsText.Length > 1 && bitsText[0] == '0') || !bitsText.All(char.IsAsciiDigit)
                || !int.TryParse(bitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits > address.Bits)
            {
                return false;
            }

            range = new IpRange(address.IsV6, address.NetworkStart(bits).Value, address.NetworkEnd(bits).Value);
            return true;
        }

        if (!IpValue.TryParse(entry, out var single))
        {
            return false;
        }

        range = IpRange.Single(single);
        return true;
    }
}
