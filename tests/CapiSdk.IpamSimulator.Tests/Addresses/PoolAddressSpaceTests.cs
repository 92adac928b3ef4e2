using CapiSdk.IpamSimulator.Addresses;
using CapiSdk.IpamSimulator.Pools;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using k8s.Models;

namespace CapiSdk.IpamSimulator.Tests.Addresses;

/// <summary>
/// Which addresses a pool hands out, checked against the real provider's poolutil.PoolSpecToIPSet and its
/// pool_test.go cases (reserved addresses, gateway, exclusions) and its webhook's validation rules.
/// </summary>
public sealed class PoolAddressSpaceTests
{
    [Fact]
    public void Single_addresses_ranges_and_CIDRs_are_all_part_of_the_pool()
    {
        var space = Build(["10.0.0.10", "10.0.0.24-10.0.0.26", "10.0.0.128/30"], 24);

        Assert.Null(space.Error);
        Assert.Equal(["10.0.0.10", "10.0.0.24", "10.0.0.25", "10.0.0.26", "10.0.0.128", "10.0.0.129", "10.0.0.130", "10.0.0.131"], All(space));
    }

    [Fact]
    public void Overlapping_and_touching_entries_count_each_address_once()
    {
        var space = Build(["10.0.0.1-10.0.0.5", "10.0.0.3-10.0.0.8", "10.0.0.9", "10.0.0.4"], 24);

        Assert.Equal(9, space.Allocatable.Count);
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.8", "10.0.0.9"], All(space));
        Assert.Single(space.Allocatable.Ranges);
    }

    [Fact]
    public void A_CIDR_with_host_bits_set_means_its_whole_network()
    {
        var space = Build(["10.0.0.5/30"], 24);

        Assert.Equal(["10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"], All(space));
    }

    [Fact]
    public void The_gateway_is_never_handed_out()
    {
        var space = Build(["192.168.0.1", "192.168.0.3-192.168.0.4", "192.168.0.6/31"], 24, gateway: "192.168.0.1");

        Assert.Equal(["192.168.0.3", "192.168.0.4", "192.168.0.6", "192.168.0.7"], All(space));
    }

    [Fact]
    public void Excluded_addresses_ranges_and_CIDRs_are_never_handed_out()
    {
        var space = Build(["10.0.0.0/27"], 24, excluded: ["10.0.0.2", "10.0.0.4-10.0.0.6", "10.0.0.8/29"]);

        Assert.Equal(["10.0.0.1", "10.0.0.3", "10.0.0.7", "10.0.0.16", "10.0.0.17"], All(space).Take(5));
        Assert.Equal(32 - 1 - 1 - 3 - 8, space.Allocatable.Count);  // minus 10.0.0.0 (the /24's network address) and the exclusions
    }

    [Fact]
    public void IPv4_network_and_broadcast_addresses_are_reserved_unless_allocateReservedIPAddresses()
    {
        var reserved = Build(["192.168.0.0", "192.168.0.3-192.168.0.4", "192.168.0.255"], 24);
        var allocated = Build(["192.168.0.0", "192.168.0.3-192.168.0.4", "192.168.0.255"], 24, allocateReserved: true);

        Assert.Equal(["192.168.0.3", "192.168.0.4"], All(reserved));
        Assert.Equal(["192.168.0.0", "192.168.0.3", "192.168.0.4", "192.168.0.255"], All(allocated));
    }

    [Fact]
    public void IPv6_reserves_only_the_first_subnet_router_anycast_address()
    {
        var space = Build(["fd00::-fd00::3", "fd00::ff"], 120);
        var allocated = Build(["fd00::-fd00::3", "fd00::ff"], 120, allocateReserved: true);

        Assert.Equal(["fd00::1", "fd00::2", "fd00::3", "fd00::ff"], All(space));
        Assert.Equal(["fd00::", "fd00::1", "fd00::2", "fd00::3", "fd00::ff"], All(allocated));
    }

    [Fact]
    public void The_reserved_addresses_are_those_of_the_network_of_the_lowest_address_and_the_prefix()
    {
        // Prefix 16: the network is 10.1.0.0/16, so 10.1.0.255 (a /24 broadcast) is an ordinary address.
        var space = Build(["10.1.0.254-10.1.1.0"], 16);

        Assert.Equal(["10.1.0.254", "10.1.0.255", "10.1.1.0"], All(space));
    }

    [Fact]
    public void A_large_IPv6_pool_counts_as_saturated()
    {
        var space = Build(["fd00::/64"], 64);

        Assert.Equal(long.MaxValue, space.Allocatable.Count);
        Assert.Equal("fd00::1", space.Allocatable.FirstFree(_ => false)?.ToString());
    }

    [Theory]
    [InlineData("10.0.0.300", "spec.addresses[0] \"10.0.0.300\" is not a valid IP, range (first-last), nor CIDR")]
    [InlineData("010.0.0.1", "spec.addresses[0] \"010.0.0.1\" is not a valid IP")]
    [InlineData("10.0.0", "spec.addresses[0] \"10.0.0\" is not a valid IP")]
    [InlineData("10.0.0.9-10.0.0.2", "spec.addresses[0] \"10.0.0.9-10.0.0.2\" is not a valid IP")]
    [InlineData("10.0.0.0/33", "spec.addresses[0] \"10.0.0.0/33\" is not a valid IP")]
    [InlineData("10.0.0.1-fd00::1", "spec.addresses[0] \"10.0.0.1-fd00::1\" is not a valid IP")]
    [InlineData(" 10.0.0.1", "spec.addresses[0] \" 10.0.0.1\" is not a valid IP")]
    public void A_malformed_address_entry_is_named_with_its_field_and_value(string entry, string expected)
    {
        var space = Build([entry], 24);

        Assert.NotNull(space.Error);
        Assert.Contains(expected, space.Error);
        Assert.StartsWith("InClusterIPPool default/pool is not valid: ", space.Error);
        Assert.Equal(0, space.Allocatable.Count);
    }

    [Fact]
    public void Mixed_families_a_bad_gateway_a_bad_prefix_and_bad_exclusions_are_each_reported()
    {
        Assert.Contains("spec.addresses mixes IPv4 and IPv6", Build(["10.0.0.1", "fd00::1"], 24).Error);
        Assert.Contains("spec.gateway \"fd00::1\" is of another IP family", Build(["10.0.0.1"], 24, gateway: "fd00::1").Error);
        Assert.Contains("spec.gateway \"10.0.0.x\" is not a valid IP address", Build(["10.0.0.1"], 24, gateway: "10.0.0.x").Error);
        Assert.Contains("spec.prefix <unset> is not valid", Build(["10.0.0.1"], null).Error);
        Assert.Contains("spec.prefix 33 is not valid: a prefix length from 1 to 32", Build(["10.0.0.1"], 33).Error);
        Assert.Contains("spec.excludedAddresses[1] \"nope\"", Build(["10.0.0.1"], 24, excluded: ["10.0.0.1", "nope"]).Error);
        Assert.Contains("spec.addresses is empty", Build([], 24).Error);
    }

    [Fact]
    public void Addresses_outside_the_network_of_the_lowest_address_are_rejected_as_the_webhook_does()
    {
        var space = Build(["10.0.0.10", "10.0.1.10"], 24);

        Assert.Contains("spec.addresses[1] \"10.0.1.10\" is outside the network 10.0.0.0/24", space.Error);
    }

    private static PoolAddressSpace Build(string[] addresses, long? prefix, string? gateway = null, string[]? excluded = null, bool allocateReserved = false)
    {
        var pool = new InClusterIPPool { Metadata = new V1ObjectMeta { Name = "pool", NamespaceProperty = "default" } };
        var definition = PoolCatalog.Describe(pool) with
        {
            Addresses = addresses,
            Prefix = prefix,
            Gateway = gateway,
            ExcludedAddresses = excluded ?? [],
            AllocateReservedIPAddresses = allocateReserved,
        };
        return PoolAddressSpace.Build(definition);
    }

    private static List<string> All(PoolAddressSpace space)
    {
        var taken = new HashSet<IpValue>();
        var result = new List<string>();
        while (result.Count < 1000 && space.Allocatable.FirstFree(taken.Contains) is { } next)
        {
            taken.Add(next);
            result.Add(next.ToString());
        }

        return result;
    }
}
