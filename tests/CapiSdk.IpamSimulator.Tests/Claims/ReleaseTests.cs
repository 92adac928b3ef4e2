using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Testing.Diagnostics;

namespace CapiSdk.IpamSimulator.Tests.Claims;

/// <summary>Release through the finalizers, in the real provider's order.</summary>
public sealed class ReleaseTests
{
    [Fact]
    public async Task Deleting_a_claim_deletes_its_address_then_lets_the_claim_go()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.11");
        await scenario.CreateClaimAsync("gone", "vips");
        await scenario.WaitForAddressAsync("gone");
        using var changes = scenario.Server.Changes.Subscribe();

        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "gone");
        await scenario.WaitForClaimGoneAsync("gone");

        var addressGone = await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Resource == "ipaddresses.ipam.cluster.x-k8s.io" && c.Name == "gone", IpamScenario.TimeoutToken());
        var claimGone = await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Resource == "ipaddressclaims.ipam.cluster.x-k8s.io" && c.Name == "gone", IpamScenario.TimeoutToken());
        Assert.True(addressGone.ResourceVersion < claimGone.ResourceVersion, "the address is deleted before the claim's finalizer is removed");
        await scenario.WaitForAddressGoneAsync("gone");
    }

    [Fact]
    public async Task An_address_deleted_by_hand_stays_while_its_claim_exists()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.11");
        await scenario.CreateClaimAsync("kept", "vips");
        await scenario.WaitForAddressAsync("kept");

        await scenario.Addresses.DeleteAsync(IpamScenario.Namespace, "kept");
        var terminating = await scenario.Addresses.GetAsync(IpamScenario.Namespace, "kept");
        await scenario.CreateClaimAsync("next", "vips");
        var next = await scenario.WaitForAddressAsync("next");

        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Contains("ipam.cluster.x-k8s.io/ProtectAddress", terminating.Metadata.Finalizers);
        Assert.Equal("10.0.0.11", next.Spec.Address);   // 10.0.0.10 is still taken

        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "kept");
        await scenario.WaitForAddressGoneAsync("kept");
        await scenario.WaitForClaimGoneAsync("kept");
    }

    [Fact]
    public async Task A_claim_deleted_while_its_pool_is_gone_is_still_released()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10");
        await scenario.CreateClaimAsync("orphan", "vips");
        await scenario.WaitForAddressAsync("orphan");

        await scenario.Pools.DeleteAsync(IpamScenario.Namespace, "vips");   // the address keeps its other owner, the claim
        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "orphan");

        await scenario.WaitForAddressGoneAsync("orphan");
        await scenario.WaitForClaimGoneAsync("orphan");
    }

    [Fact]
    public async Task A_claim_recreated_under_the_same_name_gets_a_fresh_address_not_the_one_being_released()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.11");
        var first = await scenario.CreateClaimAsync("again", "vips");
        await scenario.WaitForAddressAsync("again");

        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "again");
        await scenario.WaitForClaimGoneAsync("again");
        var second = await scenario.CreateClaimAsync("again", "vips");
        var address = await scenario.WaitForAddressAsync("again");

        Assert.NotEqual(first.Metadata.Uid, second.Metadata.Uid);
        var owner = Assert.Single(address.Metadata.OwnerReferences, o => o.Kind == "IPAddressClaim");
        Assert.Equal(second.Metadata.Uid, owner.Uid);
        Assert.Null(address.Metadata.DeletionTimestamp);
    }
}
