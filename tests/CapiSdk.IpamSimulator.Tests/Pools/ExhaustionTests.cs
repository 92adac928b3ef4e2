using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;

namespace CapiSdk.IpamSimulator.Tests.Pools;

public sealed class ExhaustionTests
{
    [Fact]
    public async Task A_full_pool_sets_Ready_False_PoolExhausted_and_the_claim_is_allocated_when_an_address_frees_up()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("tiny", 24, null, "10.0.0.10");
        await scenario.CreateClaimAsync("first", "tiny");
        await scenario.WaitForAddressAsync("first");

        await scenario.CreateClaimAsync("second", "tiny");
        var waiting = await scenario.WaitForNotReadyAsync("second", "PoolExhausted");
        Assert.Equal("InClusterIPPool default/tiny has no free address (1 in use of 1); the claim is allocated when one is released", waiting.Status?.Conditions.Find("Ready")?.Message);
        Assert.Null(waiting.Status?.AddressRef);

        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "first");
        var address = await scenario.WaitForAddressAsync("second");

        Assert.Equal("10.0.0.10", address.Spec.Address);
    }

    [Fact]
    public async Task A_full_pool_recovers_when_it_is_grown()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("tiny", 24, null, "10.0.0.10");
        await scenario.CreateClaimAsync("first", "tiny");
        await scenario.WaitForAddressAsync("first");
        await scenario.CreateClaimAsync("second", "tiny");
        await scenario.WaitForNotReadyAsync("second", "PoolExhausted");

        await scenario.Pools.PatchAsync(IpamScenario.Namespace, "tiny", PatchFormat.Merge, """{"spec":{"addresses":["10.0.0.10-10.0.0.11"]}}""");

        Assert.Equal("10.0.0.11", (await scenario.WaitForAddressAsync("second")).Spec.Address);
    }
}
