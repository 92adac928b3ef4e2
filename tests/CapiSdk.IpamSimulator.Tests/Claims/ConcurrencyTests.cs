using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;

namespace CapiSdk.IpamSimulator.Tests.Claims;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Fifty_claims_created_at_once_all_get_distinct_addresses_the_lowest_fifty()
    {
        await using var scenario = await IpamScenario.StartAsync(new IpamSimulatorOptions { MaxConcurrentReconciles = 8 });
        await scenario.CreatePoolAsync("vips", 24, "10.0.0.1", "10.0.0.0/24");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => scenario.CreateClaimAsync($"claim-{i}", "vips")));
        var addresses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => scenario.WaitForAddressAsync($"claim-{i}")));

        var values = addresses.Select(a => a.Spec.Address).ToList();
        Assert.Equal(50, values.Distinct().Count());
        var expected = Enumerable.Range(2, 50).Select(i => $"10.0.0.{i}").ToHashSet();   // .0 network, .1 gateway
        Assert.True(expected.SetEquals(values!), "the lowest 50 free addresses, each once: " + string.Join(", ", values));
        var all = await scenario.Addresses.ListAsync(IpamScenario.Namespace);
        Assert.Equal(50, all.Items.Count);
    }

    [Fact]
    public async Task Two_simulators_restarted_one_after_the_other_never_hand_out_an_address_twice()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.40");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => scenario.CreateClaimAsync($"before-{i}", "vips")));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => scenario.WaitForAddressAsync($"before-{i}")));

        // A second simulator (a restarted provider) rebuilds everything from the API server.
        await scenario.Simulator.DisposeAsync();
        await using var restarted = await IpamSimulator.StartAsync(scenario.Kubernetes);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => scenario.CreateClaimAsync($"after-{i}", "vips")));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => scenario.WaitForAddressAsync($"after-{i}")));

        var all = (await scenario.Addresses.ListAsync(IpamScenario.Namespace)).Items;
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Select(a => a.Spec.Address).Distinct().Count());
        var claims = (await scenario.Claims.ListAsync(IpamScenario.Namespace)).Items;
        Assert.All(claims, c => Assert.Equal(c.Metadata.Name, c.Status?.AddressRef?.Name));
    }
}
