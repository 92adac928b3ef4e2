using System.Globalization;
using CapiSdk.IpamSimulator.Addresses;

namespace CapiSdk.IpamSimulator.Pools;

/// <summary>
/// The addresses a pool may hand out, computed as the real provider's <c>poolutil.PoolSpecToIPSet</c> does:
/// <c>addresses</c> minus <c>excludedAddresses</c>, minus the reserved addresses of the network inferred from the
/// lowest address and <c>prefix</c> (for IPv4 the network and broadcast address, for IPv6 the first, subnet-router
/// anycast address) unless <c>allocateReservedIPAddresses</c> is true, minus the <c>gateway</c>. The spec is first
/// checked with the rules of the provider's admission webhook, which does not run here, so a pool it would have
/// rejected gets a clear <see cref="Error"/> instead.
/// </summary>
internal sealed class PoolAddressSpace
{
    private PoolAddressSpace(IpSet allocatable, string? error)
    {
        Allocatable = allocatable;
        Error = error;
    }

    /// <summary>The addresses that may be handed out (empty when <see cref="Error"/> is set).</summary>
    public IpSet Allocatable { get; }

    /// <summary>Why the pool's spec cannot be used, naming the field and value; null when it is valid.</summary>
    public string? Error { get; }

    /// <summary>Reads and checks a pool's spec.</summary>
    public static PoolAddressSpace Build(PoolDefinition pool)
    {
        var errors = new List<string>();
        var configured = new IpSet();
        bool? isV6 = null;
        var mixed = false;
        if (pool.Addresses.Count == 0)
        {
            errors.Add("spec.addresses is empty: list single IPs, first-last ranges or CIDRs");
        }

        for (var i = 0; i < pool.Addresses.Count; i++)
        {
            if (!AddressEntry.TryParse(pool.Addresses[i], out var range))
            {
                errors.Add(Invalid($"spec.addresses[{i}]", pool.Addresses[i], "is not a valid IP, range (first-last), nor CIDR"));
                continue;
            }

            mixed |= isV6 is { } family && family != range.IsV6;
            isV6 ??= range.IsV6;
            configured.Add(range);
        }

        if (mixed)
        {
            errors.Add("spec.addresses mixes IPv4 and IPv6: use one pool per family");
        }

        var bits = isV6 == true ? 128 : 32;
        if (pool.Prefix is not { } prefix || prefix <= 0 || prefix > bits)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"spec.prefix {pool.Prefix?.ToString(CultureInfo.InvariantCulture) ?? "<unset>"} is not valid: a prefix length from 1 to {bits} is required with addresses"));
        }

        IpValue? gateway = null;
        if (!string.IsNullOrEmpty(pool.Gateway))
        {
            if (!IpValue.TryParse(pool.Gateway, out var parsed))
            {
                errors.Add(Invalid("spec.gateway", pool.Gateway, "is not a valid IP address"));
            }
            else if (isV6 is { } family && parsed.IsV6 != family)
            {
                errors.Add(Invalid("spec.gateway", pool.Gateway, "is of another IP family than spec.addresses"));
            }
            else
            {
                gateway = parsed;
            }
        }

        var excluded = new IpSet();
        for (var i = 0; i < pool.ExcludedAddresses.Count; i++)
        {
            if (AddressEntry.TryParse(pool.ExcludedAddresses[i], out var range))
            {
                excluded.Add(range);
            }
            else
            {
                errors.Add(Invalid($"spec.excludedAddresses[{i}]", pool.ExcludedAddresses[i], "is not a valid IP, range (first-last), nor CIDR"));
            }
        }

        if (errors.Count == 0)
        {
            CheckWithinNetwork(pool, configured, (int)pool.Prefix!.Value, errors);
        }

        if (errors.Count > 0)
        {
            return new PoolAddressSpace(new IpSet(), $"{pool.Key} is not valid: {string.Join("; ", errors)}");
        }

        var allocatable = new IpSet();
        allocatable.Add(configured);
        allocatable.Remove(excluded);
        if (!pool.AllocateReservedIPAddresses)
        {
            var lowest = configured.Ranges[0];
            var first = new IpValue(lowest.IsV6, lowest.From);
            var prefixLength = (int)pool.Prefix!.Value;
            allocatable.Remove(IpRange.Single(first.NetworkStart(prefixLength)));
            if (!lowest.IsV6)
            {
                allocatable.Remove(IpRange.Single(first.NetworkEnd(prefixLength)));
            }
        }

        if (gateway is { } gatewayValue)
        {
            allocatable.Remove(IpRange.Single(gatewayValue));
        }

        return new PoolAddressSpace(allocatable, null);
    }

    // The webhook's validateAddressesAreWithinPrefix: every entry lies in the network of the lowest address and the prefix.
    private static void CheckWithinNetwork(PoolDefinition pool, IpSet configured, int prefix, List<string> errors)
    {
        var lowest = configured.Ranges[0];
        var first = new IpValue(lowest.IsV6, lowest.From);
        var network = new IpRange(lowest.IsV6, first.NetworkStart(prefix).Value, first.NetworkEnd(prefix).Value);
        for (var i = 0; i < pool.Addresses.Count; i++)
        {
            AddressEntry.TryParse(pool.Addresses[i], out var range);
            if (range.From < network.From || range.To > network.To)
            {
                errors.Add(Invalid($"spec.addresses[{i}]", pool.Addresses[i], string.Create(CultureInfo.InvariantCulture, $"is outside the network {new IpValue(network.IsV6, network.From)}/{prefix} of the lowest address and spec.prefix")));
            }
        }
    }

    private static string Invalid(string field, string? value, string problem) => $"{field} \"{value}\" {problem}";
}
