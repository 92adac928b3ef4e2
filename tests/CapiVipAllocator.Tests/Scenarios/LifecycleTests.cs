using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Topology;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_restart_between_claim_and_write_keeps_one_claim_and_the_same_address()
    {
        await using var s = await Scenario.StartAsync(ipam: false);
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        var first = await s.StartControllerAsync();
        await s.CreateClusterAsync("restart");
        await Wait.ForAsync(s.Claims, "default", "vip-cp-restart", _ => true);
        await first.StopAsync();

        await s.StartIpamAsync();
        var bound = await Wait.ForAsync(s.Claims, "default", "vip-cp-restart", c => c.Status?.AddressRef?.Name is { Length: > 0 });
        await s.StartControllerAsync();

        Assert.Equal("10.0.0.10", await s.WaitForVipAsync("restart"));
        var claim = Assert.Single((await s.Claims.ListAsync("default")).Items);
        Assert.Equal(bound.Metadata.Uid, claim.Metadata.Uid);
    }

    [Fact]
    public async Task Claims_made_by_the_go_operator_are_adopted_and_the_vip_is_unchanged()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        // What the Go operator left: a claim with only the role label, bound to .15 via a pre-existing lower address use.
        await s.CreateClusterAsync("other");
        var cluster = await s.CreateClusterAsync("migrated");
        var original = new IPAddressClaim
        {
            Metadata = new() { Name = "vip-cp-migrated", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = "control-plane" } },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "cp-pool" } },
        };
        original.SetOwnerReference(cluster);
        await s.Claims.CreateAsync(original);
        var bound = await Wait.ForAsync(s.Claims, "default", "vip-cp-migrated", c => c.Status?.AddressRef?.Name is { Length: > 0 });
        var ip = (await s.Addresses.GetAsync("default", bound.Status!.AddressRef!.Name!)).Spec.Address!;
        await s.Clusters.PatchAsync("default", "migrated", PatchFormat.Merge, "{\"spec\":{\"controlPlaneEndpoint\":{\"host\":\"" + ip + "\",\"port\":6443}}}");

        await s.StartControllerAsync();

        var done = await s.WaitForConditionAsync("migrated", "VipAllocated");
        Assert.Equal(ip, done.Spec.ControlPlaneEndpoint!.Host);
        Assert.Equal(ip, done.GetVariableString("clusterVip"));
        var adopted = await s.Claims.GetAsync("default", "vip-cp-migrated");
        Assert.Equal(bound.Metadata.Uid, adopted.Metadata.Uid);
        Assert.Equal("migrated", adopted.Metadata.Labels!["cluster.x-k8s.io/cluster-name"]);
        Assert.NotEqual(ip, await s.WaitForVipAsync("other"));
    }

    [Fact]
    public async Task An_ownerless_claim_is_adopted_with_its_address()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.Claims.CreateAsync(new IPAddressClaim
        {
            Metadata = new() { Name = "vip-cp-hooked", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = "control-plane" } },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "cp-pool" } },
        });
        await Wait.ForAsync(s.Claims, "default", "vip-cp-hooked", c => c.Status?.AddressRef?.Name is { Length: > 0 });
        await s.StartControllerAsync();

        var cluster = await s.CreateClusterAsync("hooked");

        Assert.Equal("10.0.0.10", await s.WaitForVipAsync("hooked"));
        var claim = await s.Claims.GetAsync("default", "vip-cp-hooked");
        Assert.Equal(cluster.Metadata.Uid, claim.GetControllerReference()!.Uid);
    }

    [Fact]
    public async Task A_claim_left_by_a_deleted_cluster_of_the_same_name_is_never_reused()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.GarbageCollectionDelay = TimeSpan.FromHours(1));
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        var old = await s.CreateClusterAsync("reborn");
        var stale = new IPAddressClaim
        {
            Metadata = new() { Name = "vip-cp-reborn", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = "control-plane" } },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "cp-pool" } },
        };
        stale.SetOwnerReference(old);
        stale = await s.Claims.CreateAsync(stale);
        await s.Clusters.DeleteAsync("default", "reborn");
        var reborn = await s.CreateClusterAsync("reborn");

        await s.StartControllerAsync();

        await s.WaitForVipAsync("reborn");
        var claim = await s.Claims.GetAsync("default", "vip-cp-reborn");
        Assert.NotEqual(stale.Metadata.Uid, claim.Metadata.Uid);
        Assert.Equal(reborn.Metadata.Uid, claim.GetControllerReference()!.Uid);
    }

    [Fact]
    public async Task Orphaned_claims_are_removed_at_start()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.GarbageCollectionDelay = TimeSpan.FromHours(1));
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        var cluster = await s.CreateClusterAsync("vanished");
        var claim = new IPAddressClaim
        {
            Metadata = new() { Name = "vip-cp-vanished", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = "control-plane" } },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "cp-pool" } },
        };
        claim.SetOwnerReference(cluster);
        await s.Claims.CreateAsync(claim);
        await s.Claims.CreateAsync(new IPAddressClaim
        {
            Metadata = new() { Name = "unrelated", NamespaceProperty = "default" },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "cp-pool" } },
        });
        await s.Clusters.DeleteAsync("default", "vanished");

        await s.StartControllerAsync();

        await Wait.UntilAsync(s.Server, async () => (await s.Claims.ListAsync("default")).Items.Select(c => c.Metadata.Name).SequenceEqual(["unrelated"]), "only the unrelated claim is left");
    }

    [Fact]
    public async Task A_paused_cluster_is_left_alone_until_unpaused_and_a_moved_claim_keeps_the_vip()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        await s.CreateClusterAsync("moving");
        var ip = await s.WaitForVipAsync("moving");

        // clusterctl move: pause, then the objects are re-created on the target with new UIDs and rewritten owners.
        await s.Clusters.PatchAsync("default", "moving", PatchFormat.Merge, """{"spec":{"paused":true}}""");
        await s.StopIpamAsync();
        var before = s.Server.Counters.Count("create", "ipaddressclaims") + s.Server.Counters.Count("delete", "ipaddressclaims");
        await s.CreateClusterAsync("paused-new", configure: c => c.Spec.Paused = true);
        await s.CreateClusterAsync("probe");
        await Wait.ForAsync(s.Claims, "default", "vip-cp-probe", _ => true); // the controller has processed later events

        Assert.Null((await s.Clusters.GetAsync("default", "paused-new")).Spec.ControlPlaneEndpoint);
        Assert.Equal(before + 1, s.Server.Counters.Count("create", "ipaddressclaims") + s.Server.Counters.Count("delete", "ipaddressclaims"));
        Assert.Equal(ip, (await s.Clusters.GetAsync("default", "moving")).Spec.ControlPlaneEndpoint!.Host);

        await s.StartIpamAsync();
        await s.Clusters.PatchAsync("default", "moving", PatchFormat.Merge, """{"spec":{"paused":false}}""");
        await s.Clusters.PatchAsync("default", "paused-new", PatchFormat.Merge, """{"spec":{"paused":false}}""");
        Assert.NotEqual(ip, await s.WaitForVipAsync("paused-new"));
        Assert.Equal(ip, (await s.Clusters.GetAsync("default", "moving")).Spec.ControlPlaneEndpoint!.Host);
    }

    [Fact]
    public async Task Pool_exhaustion_is_reported_and_recovers_when_an_address_frees_up()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("tiny", ["10.0.0.10"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        await s.CreateClusterAsync("first");
        Assert.Equal("10.0.0.10", await s.WaitForVipAsync("first"));

        await s.CreateClusterAsync("second");
        var exhausted = await s.WaitForConditionAsync("second", "PoolExhausted");
        Assert.Equal("False", exhausted.Status!.Conditions!.Single(c => c.Type == "ControlPlaneVipReady").Status!.Value.Value);

        await s.Clusters.DeleteAsync("default", "first");

        Assert.Equal("10.0.0.10", await s.WaitForVipAsync("second"));
    }
}
