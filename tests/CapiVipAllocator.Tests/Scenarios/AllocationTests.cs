using k8s;
using CapiSdk.Topology;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

public sealed class AllocationTests
{
    [Fact]
    public async Task Cluster_gets_a_pool_address_in_endpoint_variable_annotation_and_condition()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"], gateway: "10.0.0.1");
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("prod");
        var cluster = await s.WaitForConditionAsync("prod", "VipAllocated");

        Assert.Equal("10.0.0.10", cluster.Spec.ControlPlaneEndpoint!.Host);
        Assert.Equal(6443, cluster.Spec.ControlPlaneEndpoint.Port);
        Assert.Equal("10.0.0.10", cluster.GetVariableString("clusterVip"));
        Assert.Equal("calico", cluster.GetVariableString("cni"));
        Assert.Equal("10.0.0.10", cluster.Metadata.Annotations!["vip.capi.gorizond.io/control-plane-vip"]);
        var condition = cluster.Status!.Conditions!.Single(c => c.Type == "ControlPlaneVipReady");
        Assert.Equal("True", condition.Status!.Value.Value);
        Assert.Equal(cluster.Metadata.Generation, condition.ObservedGeneration);
        var claim = await s.Claims.GetAsync("default", "vip-cp-prod");
        Assert.Equal("control-plane", claim.Metadata.Labels!["vip.capi.gorizond.io/role"]);
        Assert.Equal("prod", claim.Metadata.Labels["cluster.x-k8s.io/cluster-name"]);
        Assert.Equal("prod", claim.Spec.ClusterName);
        var owner = Assert.Single(claim.Metadata.OwnerReferences!);
        Assert.Equal((cluster.Metadata.Uid, true, "Cluster"), (owner.Uid, owner.Controller == true, owner.Kind));
        Assert.Equal(("ipam.cluster.x-k8s.io", "GlobalInClusterIPPool", "cp-pool"), (claim.Spec.PoolRef!.ApiGroup, claim.Spec.PoolRef.Kind, claim.Spec.PoolRef.Name));
        Assert.Contains(s.Logs.Lines, l => l.Message.Contains("control-plane VIP assigned ip=10.0.0.10", StringComparison.Ordinal) &&
            l.Scope.Any(kv => kv.Key == "Name" && Equals(kv.Value, "prod")));
    }

    [Fact]
    public async Task An_IPv6_pool_gives_an_IPv6_vip()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreatePoolAsync("default", "v6", ["fd00:10::10-fd00:10::20"], prefix: 64);
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("six", configure: c => c.Spec.ControlPlaneEndpoint = new() { Port = 443 });

        var cluster = await s.WaitForConditionAsync("six", "VipAllocated");
        Assert.Equal("fd00:10::10", cluster.Spec.ControlPlaneEndpoint!.Host);
        Assert.Equal(443, cluster.Spec.ControlPlaneEndpoint.Port);
        Assert.Equal("fd00:10::10", cluster.GetVariableString("clusterVip"));
    }

    [Fact]
    public async Task Deleting_the_Cluster_releases_its_claim_and_address()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.GarbageCollectionDelay = TimeSpan.FromHours(1));
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        await s.CreateClusterAsync("gone");
        await s.WaitForVipAsync("gone");

        await s.Clusters.DeleteAsync("default", "gone");

        // Garbage collection is an hour away here: the controller deletes the claim itself.
        await Wait.UntilAsync(s.Server, async () => (await s.Claims.ListAsync("default")).Items.Count == 0 && (await s.Addresses.ListAsync("default")).Items.Count == 0, "claim and address released");
        await Wait.ForAsync(s.GlobalPools, null, "cp-pool", p => p.Status?.IpAddresses?.Used == 0);
    }

    [Fact]
    public async Task A_manual_endpoint_is_kept_and_nothing_is_claimed()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("manual", configure: c => c.Spec.ControlPlaneEndpoint = new() { Host = "192.168.1.5", Port = 6443 });

        var cluster = await s.WaitForConditionAsync("manual", "ManualEndpoint");
        Assert.Equal("192.168.1.5", cluster.Spec.ControlPlaneEndpoint!.Host);
        Assert.Empty((await s.Claims.ListAsync("default")).Items);
        await Wait.UntilAsync(s.Server, async () => (await s.Client.CoreV1.ListNamespacedEventAsync("default")).Items.Any(e => e.Reason == "ManualEndpoint" && e.InvolvedObject.Name == "manual"), "ManualEndpoint event");
    }

    [Fact]
    public async Task An_empty_variable_written_by_the_class_default_is_not_a_manual_vip()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("defaulted", configure: c => c.SetVariable("clusterVip", ""));

        var cluster = await s.WaitForConditionAsync("defaulted", "VipAllocated");
        Assert.Equal("10.0.0.10", cluster.GetVariableString("clusterVip"));
    }
}
