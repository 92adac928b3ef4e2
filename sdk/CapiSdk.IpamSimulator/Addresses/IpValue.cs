using System.Globalization;
using System.Net.Sockets;

namespace CapiSdk.IpamSimulator.Addresses;

/// <summary>An IPv4 or IPv6 address as a number, so ranges can be counted and walked.</summary>
/// <param name="IsV6">True for IPv6.</param>
/// <param name="Value">The address as an unsigned number (IPv4 uses the low 32 bits).</param>
internal readonly record struct IpValue(bool IsV6, UInt128 Value) : IComparable<IpValue>
{
    /// <summary>The number of bits in an address of this family.</summary>
    public int Bits => IsV6 ? 128 : 32;

    /// <summary>The highest address of this family.</summary>
    public UInt128 Max => IsV6 ? UInt128.MaxValue : uint.MaxValue;

    /// <summary>
    /// Parses an address as Go's <c>netip.ParseAddr</c> does: IPv4 only as four decimal fields without leading
    /// zeros, IPv6 in any RFC 4291 form (no zone).
    /// </summary>
    public static bool TryParse(string text, out IpValue value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!System.Net.IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            var bytes = parsed.GetAddressBytes();
            UInt128 number = 0;
            foreach (var b in bytes)
            {
                number = (number << 8) | b;
            }

            value = new IpValue(true, number);
            return true;
        }

        var fields = text.Split('.');
        if (fields.Length != 4)
        {
            return false;
        }

        uint v4 = 0;
        foreach (var field in fields)
        {
            if (field.Length is 0 or > 3 || (field.Length > 1 && field[0] == '0') || !field.All(char.IsAsciiDigit)
                || !byte.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                return false;
            }

            v4 = (v4 << 8) | octet;
        }

        value = new IpValue(false, v4);
        return true;
    }

    /// <summary>The first address of the network of <paramref name="prefixLength"/> bits this address is in.</summary>
    public IpValue NetworkStart(int prefixLength) => this with { Value = Value & ~HostMask(prefixLength) };

    /// <summary>The last address of the network of <paramref name="prefixLength"/> bits this address is in.</summary>
    public IpValue NetworkEnd(int prefixLength) => this with { Value = Value | HostMask(prefixLength) };

    /// <inheritdoc />
    public int CompareTo(IpValue other) => IsV6 != other.IsV6 ? IsV6.CompareTo(other.IsV6) : Value.CompareTo(other.Value);

    /// <summary>The canonical text: dotted decimal for IPv4, RFC 5952 for IPv6 (as Go's <c>netip.Addr.String</c>).</summary>
    public override string ToString()
    {
        if (!IsV6)
        {
            var v4 = (uint)Value;
            return string.Create(CultureInfo.InvariantCulture, $"{v4 >> 24}.{(v4 >> 16) & 0xff}.{(v4 >> 8) & 0xff}.{v4 & 0xff}");
        }

        var bytes = new byte[16];
        var number = Value;
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)(number & 0xff);
            number >>= 8;
        }

        return new System.Net.IPAddress(bytes).ToString();
    }

    private UInt128 HostMask(int prefixLength) => prefixLength >= Bits ? UInt128.Zero : Max >> prefixLength;
}
