using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;
using k8s;

namespace CapiSdk.IpamSimulator.Tests.Pools;

/// <summary>No admission webhook runs here, so bad pools reach the simulator: they are reported, never crash it.</summary>
public sealed class MalformedPoolTests
{
    [Fact]
    public async Task A_malformed_pool_makes_its_claims_PoolNotReady_with_the_field_and_value_and_gets_a_Warning_event()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("broken", 24, "10.0.0.1", "10.0.0.10", "10.0.0.300");
        await scenario.CreateClaimAsync("victim", "broken");

        // The claim may first be seen before the simulator's pool cache has the pool ("not found", the same reason):
        // wait for the verdict on the pool itself.
        const string invalid = "InClusterIPPool default/broken is not valid: spec.addresses[1] \"10.0.0.300\" is not a valid IP, range (first-last), nor CIDR";
        var claim = await scenario.WaitForClaimAsync(
            "victim",
            c => c.Status?.Conditions.Find("Ready") is { Reason: "PoolNotReady", Message: invalid },
            "Ready=False PoolNotReady naming the invalid address");

        Assert.False(claim.IsConditionTrue("Ready"));
        var warning = await Eventually.ResultAsync(async () =>
            (await scenario.Kubernetes.CoreV1.ListNamespacedEventAsync(IpamScenario.Namespace, fieldSelector: "involvedObject.name=broken,reason=InvalidPool")).Items.FirstOrDefault(),
            "an InvalidPool event on the pool");
        Assert.Equal(("Warning", "InClusterIPPool"), (warning.Type, warning.InvolvedObject.Kind));
        Assert.Contains("spec.addresses[1] \"10.0.0.300\"", warning.Message);

        // The simulator keeps working: fixing the pool allocates, and other pools are served meanwhile.
        await scenario.CreatePoolAsync("good", 24, null, "10.1.0.10");
        await scenario.CreateClaimAsync("fine", "good");
        await scenario.WaitForAddressAsync("fine");
        await scenario.Pools.PatchAsync(IpamScenario.Namespace, "broken", PatchFormat.Merge, """{"spec":{"addresses":["10.0.0.10","10.0.0.30"]}}""");
        Assert.Equal("10.0.0.10", (await scenario.WaitForAddressAsync("victim")).Spec.Address);
    }

    [Fact]
    public async Task A_claim_on_a_pool_that_does_not_exist_says_so_and_is_allocated_once_the_pool_is_created()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreateClaimAsync("early", "later");

        var claim = await scenario.WaitForNotReadyAsync("early", "PoolNotReady");
        Assert.Equal("InClusterIPPool default/later not found: create it, or point spec.poolRef at an existing pool", claim.Status?.Conditions.Find("Ready")?.Message);

        await scenario.CreatePoolAsync("later", 24, null, "10.0.0.10");
        Assert.Equal("10.0.0.10", (await scenario.WaitForAddressAsync("early")).Spec.Address);
    }

    [Fact]
    public async Task An_IPAddress_with_a_malformed_address_in_the_pool_is_counted_as_used_and_does_not_stop_allocation()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.11");
        await scenario.Addresses.CreateAsync(new Models.Ipam.Cluster.V1Beta2.IPAddress
        {
            Metadata = new() { Name = "junk", NamespaceProperty = IpamScenario.Namespace },
            Spec = new() { Address = "not-an-ip", Prefix = 24, ClaimRef = new() { Name = "nobody" }, PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } },
        });

        await scenario.CreateClaimAsync("fine", "vips");

        Assert.Equal("10.0.0.10", (await scenario.WaitForAddressAsync("fine")).Spec.Address);
        await scenario.WaitForPoolAsync("vips", p => p.Status?.IpAddresses is { Total: 2, Used: 2, Free: 0, OutOfRange: 0 }, "2 used (one malformed)");
    }
}
