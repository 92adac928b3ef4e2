using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;

namespace CapiSdk.IpamSimulator.Tests.Pools;

/// <summary>status.ipAddresses {total, used, free, outOfRange}, as the real pool reconciler counts them.</summary>
public sealed class PoolStatusTests
{
    [Fact]
    public async Task A_new_pool_reports_what_it_may_hand_out()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", new InClusterIPPoolSpec { Addresses = ["10.0.0.0/28"], Prefix = 24, Gateway = "10.0.0.1", ExcludedAddresses = ["10.0.0.5"] });

        // 16 addresses minus the network address, the gateway and one exclusion.
        await scenario.WaitForPoolAsync("vips", p => Usage(p) == (13, 0, 13, 0), "total 13, used 0, free 13");
    }

    [Fact]
    public async Task Counts_follow_allocations_releases_and_a_pool_shrunk_under_its_addresses()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.14");
        foreach (var name in new[] { "a", "b", "c" })
        {
            await scenario.CreateClaimAsync(name, "vips");
            await scenario.WaitForAddressAsync(name);
        }

        await scenario.WaitForPoolAsync("vips", p => Usage(p) == (5, 3, 2, 0), "5 total, 3 used");

        await scenario.Claims.DeleteAsync(IpamScenario.Namespace, "b");
        await scenario.WaitForPoolAsync("vips", p => Usage(p) == (5, 2, 3, 0), "2 used after a release");

        // Shrink the pool to .10-.11: the address of "c" (10.0.0.12) is now out of range but still used.
        await scenario.Pools.PatchAsync(IpamScenario.Namespace, "vips", PatchFormat.Merge, """{"spec":{"addresses":["10.0.0.10-10.0.0.11"]}}""");
        await scenario.WaitForPoolAsync("vips", p => Usage(p) == (2, 2, 0, 1), "2 total, 2 used, 0 free, 1 out of range");
    }

    private static (long?, long?, long?, long?) Usage(InClusterIPPool pool) =>
        (pool.Status?.IpAddresses?.Total, pool.Status?.IpAddresses?.Used, pool.Status?.IpAddresses?.Free, pool.Status?.IpAddresses?.OutOfRange);
}
