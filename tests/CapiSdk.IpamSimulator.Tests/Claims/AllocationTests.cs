using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Models;

namespace CapiSdk.IpamSimulator.Tests.Claims;

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
        Assert.Equal("Ready", ready.Status?.Conditions.Find("Ready")?.Reason);
    }
}
