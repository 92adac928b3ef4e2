namespace CapiSdk.IpamSimulator.Addresses;

/// <summary>An inclusive range of addresses of one family.</summary>
/// <param name="IsV6">True for IPv6.</param>
/// <param name="From">The first address.</param>
/// <param name="To">The last address (at least <paramref name="From"/>).</param>
internal readonly record struct IpRange(bool IsV6, UInt128 From, UInt128 To)
{
    /// <summary>The number of addresses in the range.</summary>
    public UInt128 Count => To - From + 1;

    /// <summary>A range of one address.</summary>
    public static IpRange Single(IpValue value) => new(value.IsV6, value.Value, value.Value);

    /// <summary>True when the address is in the range.</summary>
    public bool Contains(IpValue value) => value.IsV6 == IsV6 && value.Value >= From && value.Value <= To;
}
