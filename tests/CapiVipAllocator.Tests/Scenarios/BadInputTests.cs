using CapiSdk.Client;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Topology;
using CapiVipAllocator.Tests.Support;
using k8s;

namespace CapiVipAllocator.Tests.Scenarios;

public sealed class BadInputTests
{
    [Fact]
    public async Task A_missing_cluster_class_is_reported_and_allocation_follows_its_creation()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.StartControllerAsync();

        await s.CreateClusterAsync("early");
        var waiting = await s.WaitForConditionAsync("early", "ClusterClassNotFound");
        Assert.Contains("ClusterClass default/quick-start does not exist", waiting.Status!.Conditions!.Single(c => c.Type == "ControlPlaneVipReady").Message);

        await s.CreateClassAsync();
        await s.WaitForConditionAsync("early", "VipAllocated");
    }

    [Fact]
    public async Task No_matching_pool_names_the_labels_and_a_labelled_pool_fixes_it()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("wrong-class", ["10.0.0.10-10.0.0.20"], classes: "other-class");
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("lonely");
        var cluster = await s.WaitForConditionAsync("lonely", "NoMatchingPool");
        Assert.Contains("vip.capi.gorizond.io/role=control-plane", cluster.Status!.Conditions!.Single(c => c.Type == "ControlPlaneVipReady").Message);
        await Wait.UntilAsync(s.Server, async () => (await s.Client.CoreV1.ListNamespacedEventAsync("default")).Items.Any(e => e.Reason == "NoMatchingPool" && e.Type == "Warning"), "NoMatchingPool event");

        await s.CreatePoolAsync("default", "local", ["10.9.0.10-10.9.0.20"]);
        Assert.Equal("10.9.0.10", await s.WaitForVipAsync("lonely"));
    }

    [Fact]
    public async Task Clusters_without_topology_are_left_alone()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.Clusters.CreateAsync(new CapiSdk.Models.Cluster.V1Beta2.Cluster { Metadata = new() { Name = "plain", NamespaceProperty = "default" }, Spec = new() { Paused = false } });
        await s.CreateClusterAsync("after");
        await s.WaitForVipAsync("after");

        Assert.Null((await s.Clusters.GetAsync("default", "plain")).Spec.ControlPlaneEndpoint);
        Assert.DoesNotContain((await s.Claims.ListAsync("default")).Items, c => c.Metadata.Name == "vip-cp-plain");
    }

    [Fact]
    public async Task A_class_without_the_variable_gets_endpoint_and_annotation_and_a_warning()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync(declaresVariable: false);
        await s.StartControllerAsync();

        await s.CreateClusterAsync("novar");

        var cluster = await s.WaitForConditionAsync("novar", "ClusterVipVariableMissing");
        Assert.Equal("10.0.0.10", cluster.Spec.ControlPlaneEndpoint!.Host);
        Assert.Null(cluster.GetVariable("clusterVip"));
        await Wait.UntilAsync(s.Server, async () => (await s.Client.CoreV1.ListNamespacedEventAsync("default")).Items.Any(e => e.Reason == "ClusterVipVariableMissing" && e.Message.Contains("declare it", StringComparison.Ordinal)), "warning event");
    }

    [Fact]
    public async Task An_ipaddress_with_a_malformed_address_is_reported_and_nothing_is_written()
    {
        await using var s = await Scenario.StartAsync(ipam: false);
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        await s.CreateClusterAsync("broken");
        var claim = await Wait.ForAsync(s.Claims, "default", "vip-cp-broken", _ => true);

        await s.Addresses.CreateAsync(new IPAddress
        {
            Metadata = new() { Name = "vip-cp-broken", NamespaceProperty = "default" },
            Spec = new() { Address = "10.0.0.999", Prefix = 24, ClaimRef = new() { Name = "vip-cp-broken" }, PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = "cp-pool" } },
        });
        claim.Status = new() { AddressRef = new() { Name = "vip-cp-broken" } };
        await s.Claims.ReplaceStatusAsync(claim);

        var cluster = await s.WaitForConditionAsync("broken", "InvalidAddress");
        Assert.Null(cluster.Spec.ControlPlaneEndpoint);
        Assert.Contains("10.0.0.999", cluster.Status!.Conditions!.Single(c => c.Type == "ControlPlaneVipReady").Message);
    }

    [Fact]
    public async Task A_claim_deleted_by_hand_is_made_again_and_a_pool_deleted_under_a_live_claim_loses_nothing()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        await s.CreateClusterAsync("handled");
        var ip = await s.WaitForVipAsync("handled");
        var first = await s.Claims.GetAsync("default", "vip-cp-handled");

        await s.Claims.DeleteAsync("default", "vip-cp-handled");

        var again = await Wait.ForAsync(s.Claims, "default", "vip-cp-handled", c => c.Metadata.Uid != first.Metadata.Uid && c.Status?.AddressRef is not null);
        Assert.Equal(ip, (await s.Addresses.GetAsync("default", again.Status!.AddressRef!.Name!)).Spec.Address);
        await s.WaitForClusterAsync("handled", c => c.Spec.ControlPlaneEndpoint?.Host == ip);

        await s.GlobalPools.DeleteAsync("cp-pool", new DeleteOptions { Propagation = PropagationPolicy.Orphan });

        // Orphaning runs in the garbage collector, so the pool lingers (being deleted) for a moment: a Cluster created
        // before it is gone may be seen by the controller while its cache still has the pool.
        await Wait.UntilAsync(s.Server, async () => (await s.GlobalPools.ListAsync()).Items.Count == 0, "the pool gone");
        await s.CreateClusterAsync("after-pool");
        await s.WaitForConditionAsync("after-pool", "NoMatchingPool");
        var cluster = await s.Clusters.GetAsync("default", "handled");
        Assert.Equal(ip, cluster.Spec.ControlPlaneEndpoint!.Host);
        Assert.Equal(ip, cluster.GetVariableString("clusterVip"));
    }

    [Fact]
    public async Task An_ingress_pool_gives_an_ingress_vip_in_annotation_and_label_independently()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateGlobalPoolAsync("ingress-pool", ["10.5.0.10-10.5.0.20"], role: "ingress");
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("web");

        var cluster = await s.WaitForClusterAsync("web", c => c.Metadata.Annotations?.ContainsKey("vip.capi.gorizond.io/ingress-vip") == true && !string.IsNullOrEmpty(c.Spec.ControlPlaneEndpoint?.Host));
        Assert.Equal("10.0.0.10", cluster.Spec.ControlPlaneEndpoint!.Host);
        Assert.Equal("10.5.0.10", cluster.Metadata.Annotations!["vip.capi.gorizond.io/ingress-vip"]);
        Assert.Equal("10.5.0.10", cluster.Metadata.Labels!["vip.capi.gorizond.io/ingress-vip"]);
        Assert.NotNull(await s.Claims.GetAsync("default", "vip-ingress-web"));
    }

    [Fact]
    public async Task An_ingress_request_without_an_ingress_pool_never_blocks_the_control_plane_vip()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();

        await s.CreateClusterAsync("wants-ingress", configure: c => c.Metadata.Annotations = new Dictionary<string, string> { ["vip.capi.gorizond.io/ingress-enabled"] = "true" });

        Assert.Equal("10.0.0.10", await s.WaitForVipAsync("wants-ingress"));
    }
}
