using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using k8s;
using k8s.Models;

namespace CapiSdk.IpamSimulator.Tests.Claims;

/// <summary>Claims answered over real HTTP against CapiSdk.Testing, as the in-cluster provider answers them.</summary>
public sealed class AllocationTests
{
    [Fact]
    public async Task Claim_gets_an_IPAddress_named_like_it_with_the_pools_first_address_and_becomes_Ready()
    {
        await using var scenario = await IpamScenario.StartAsync();
        var pool = await scenario.CreatePoolAsync("vips", 24, "10.0.0.1", "10.0.0.10-10.0.0.20");
        var claim = await scenario.CreateClaimAsync("prod-vip", "vips");

        var address = await scenario.WaitForAddressAsync("prod-vip");

        Assert.Equal("prod-vip", address.Metadata.Name);
        Assert.Equal(IpamScenario.Namespace, address.Metadata.NamespaceProperty);
        Assert.Equal("10.0.0.10", address.Spec.Address);
        Assert.Equal(24, address.Spec.Prefix);
        Assert.Equal("10.0.0.1", address.Spec.Gateway);
        Assert.Equal("prod-vip", address.Spec.ClaimRef?.Name);
        Assert.Equal(("ipam.cluster.x-k8s.io", "InClusterIPPool", "vips"), (address.Spec.PoolRef?.ApiGroup, address.Spec.PoolRef?.Kind, address.Spec.PoolRef?.Name));
        var claimOwner = Assert.Single(address.Metadata.OwnerReferences, o => o.Kind == "IPAddressClaim");
        Assert.Equal((claim.Metadata.Uid, true, true), (claimOwner.Uid, claimOwner.Controller, claimOwner.BlockOwnerDeletion));
        var poolOwner = Assert.Single(address.Metadata.OwnerReferences, o => o.Kind == "InClusterIPPool");
        Assert.Equal((pool.Metadata.Uid, "ipam.cluster.x-k8s.io/v1alpha2", false, true), (poolOwner.Uid, poolOwner.ApiVersion, poolOwner.Controller, poolOwner.BlockOwnerDeletion));
        Assert.Contains("ipam.cluster.x-k8s.io/ProtectAddress", address.Metadata.Finalizers);

        var ready = await scenario.Claims.GetAsync(IpamScenario.Namespace, "prod-vip");
        Assert.Contains("ipam.cluster.x-k8s.io/ReleaseAddress", ready.Metadata.Finalizers);
        var condition = ready.Status?.Conditions.Find("Ready");
        Assert.Equal(("True", "Ready"), (condition?.Status?.Value, condition?.Reason));
    }

    [Fact]
    public async Task Claims_get_the_lowest_free_address_and_a_released_one_is_handed_out_again()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, "10.0.0.1", "10.0.0.1-10.0.0.4");

        var got = new List<string?>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await scenario.CreateClaimAsync(name, "vips");
            got.Add((await scenario.WaitForAddressAsync(name)).Spec.Address);
        }

        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "b");
        await scenario.WaitForAddressGoneAsync("b");
        await scenario.CreateClaimAsync("d", "vips");

        Assert.Equal(["10.0.0.2", "10.0.0.3", "10.0.0.4"], got);   // 10.0.0.1 is the gateway
        Assert.Equal("10.0.0.3", (await scenario.WaitForAddressAsync("d")).Spec.Address);
    }

    [Fact]
    public async Task IPv6_pools_hand_out_IPv6_addresses_in_canonical_form()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("v6", 64, "fd00:10::1", "fd00:10::/64");

        await scenario.CreateClaimAsync("first", "v6");
        var first = await scenario.WaitForAddressAsync("first");
        await scenario.CreateClaimAsync("second", "v6");
        var second = await scenario.WaitForAddressAsync("second");

        // fd00:10:: is the subnet-router anycast address (reserved), fd00:10::1 the gateway.
        Assert.Equal(("fd00:10::2", 64, "fd00:10::1"), (first.Spec.Address, first.Spec.Prefix, first.Spec.Gateway));
        Assert.Equal("fd00:10::3", second.Spec.Address);
    }

    [Fact]
    public async Task Gateway_exclusions_and_reserved_addresses_are_skipped_end_to_end()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("edge", new InClusterIPPoolSpec
        {
            Addresses = ["192.168.5.0/29"],
            Prefix = 29,
            Gateway = "192.168.5.1",
            ExcludedAddresses = ["192.168.5.2-192.168.5.3", "192.168.5.5"],
        });

        var addresses = new List<string?>();
        foreach (var name in new[] { "x", "y" })
        {
            await scenario.CreateClaimAsync(name, "edge");
            addresses.Add((await scenario.WaitForAddressAsync(name)).Spec.Address);
        }

        await scenario.CreateClaimAsync("z", "edge");
        var exhausted = await scenario.WaitForNotReadyAsync("z", "PoolExhausted");

        // .0 network, .1 gateway, .2-.3 and .5 excluded, .7 broadcast: only .4 and .6 remain.
        Assert.Equal(["192.168.5.4", "192.168.5.6"], addresses);
        Assert.Null(exhausted.Status?.AddressRef);
    }

    [Fact]
    public async Task AllocateReservedIPAddresses_hands_out_the_network_and_broadcast_addresses()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("all", new InClusterIPPoolSpec { Addresses = ["10.9.0.0", "10.9.0.255"], Prefix = 24, AllocateReservedIPAddresses = true });

        await scenario.CreateClaimAsync("network", "all");
        var network = await scenario.WaitForAddressAsync("network");
        await scenario.CreateClaimAsync("broadcast", "all");
        var broadcast = await scenario.WaitForAddressAsync("broadcast");

        Assert.Equal(("10.9.0.0", "10.9.0.255"), (network.Spec.Address, broadcast.Spec.Address));
        Assert.Null(network.Spec.Gateway);
    }

    [Fact]
    public async Task GlobalInClusterIPPool_serves_claims_in_every_namespace_from_one_range()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-b" } });
        var pool = await scenario.GlobalPools.CreateAsync(new GlobalInClusterIPPool
        {
            Metadata = new V1ObjectMeta { Name = "shared" },
            Spec = new GlobalInClusterIPPoolSpec { Addresses = ["172.16.0.10-172.16.0.11"], Prefix = 16, Gateway = "172.16.0.1" },
        });

        await scenario.CreateClaimAsync("a", "shared", kind: "GlobalInClusterIPPool");
        var first = await scenario.WaitForAddressAsync("a");
        await scenario.Claims.CreateAsync(new Models.Ipam.Cluster.V1Beta2.IPAddressClaim
        {
            Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "team-b" },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "shared" } },
        });
        var second = await WaitForAddressInAsync(scenario, "team-b", "b");

        Assert.Equal(("172.16.0.10", "172.16.0.11"), (first.Spec.Address, second.Spec.Address));
        Assert.Equal("team-b", second.Metadata.NamespaceProperty);
        var owner = Assert.Single(second.Metadata.OwnerReferences, o => o.Kind == "GlobalInClusterIPPool");
        Assert.Equal(pool.Metadata.Uid, owner.Uid);
        await scenario.WaitForGlobalPoolUsedAsync("shared", 2);
    }

    [Fact]
    public async Task Claims_of_kinds_or_groups_it_does_not_serve_are_left_alone()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10");
        await scenario.Claims.CreateAsync(new Models.Ipam.Cluster.V1Beta2.IPAddressClaim
        {
            Metadata = new V1ObjectMeta { Name = "foreign", NamespaceProperty = IpamScenario.Namespace },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.metal3.io", Kind = "IPPool", Name = "vips" } },
        });
        await scenario.CreateClaimAsync("ours", "vips");

        await scenario.WaitForAddressAsync("ours");   // one informer delivers events in order: "foreign" was seen first
        var foreign = await scenario.Claims.GetAsync(IpamScenario.Namespace, "foreign");

        Assert.Null(foreign.Status);
        Assert.Null(foreign.Metadata.Finalizers);
    }

    [Fact]
    public async Task Claims_that_exist_before_the_simulator_starts_are_answered()
    {
        await using var server = await ApiServer.StartAsync();
        using var kubernetes = server.CreateClient();
        var pools = new InClusterIPPoolClient(kubernetes);
        await pools.CreateAsync(new InClusterIPPool { Metadata = new() { Name = "vips", NamespaceProperty = "default" }, Spec = new() { Addresses = ["10.0.0.10"], Prefix = 24 } });
        var claims = new Models.Ipam.Cluster.V1Beta2.IPAddressClaimClient(kubernetes);
        await claims.CreateAsync(new() { Metadata = new() { Name = "early", NamespaceProperty = "default" }, Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } } });

        await using var simulator = await IpamSimulator.StartAsync(kubernetes);
        using var timeout = new CancellationTokenSource(IpamScenario.Timeout);
        await foreach (var change in claims.WatchAsync("default", new() { FieldSelector = "metadata.name=early" }, timeout.Token))
        {
            if (change.Object.Status?.AddressRef?.Name == "early")
            {
                break;
            }
        }

        Assert.Equal("10.0.0.10", (await new Models.Ipam.Cluster.V1Beta2.IPAddressClient(kubernetes).GetAsync("default", "early")).Spec.Address);
    }

    private static async Task<Models.Ipam.Cluster.V1Beta2.IPAddress> WaitForAddressInAsync(IpamScenario scenario, string @namespace, string name)
    {
        await foreach (var change in scenario.Claims.WatchAsync(@namespace, new() { FieldSelector = "metadata.name=" + name }, IpamScenario.TimeoutToken()))
        {
            if (change.Object.Status?.AddressRef?.Name is { Length: > 0 } bound)
            {
                return await scenario.Addresses.GetAsync(@namespace, bound);
            }
        }

        throw new TimeoutException($"claim {@namespace}/{name} got no address");
    }
}
