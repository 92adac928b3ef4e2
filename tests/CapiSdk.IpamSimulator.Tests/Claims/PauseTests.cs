using CapiSdk.Client;
using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Models.Cluster.V1Beta2;
using k8s.Models;

namespace CapiSdk.IpamSimulator.Tests.Claims;

/// <summary>
/// Nothing is allocated for a paused Cluster (spec.paused or the cluster.x-k8s.io/paused annotation), named by the
/// claim's spec.clusterName or, without it, its cluster.x-k8s.io/cluster-name label; unpausing allocates.
/// </summary>
public sealed class PauseTests
{
    [Fact]
    public async Task A_claim_of_a_Cluster_with_spec_paused_waits_until_it_is_unpaused()
    {
        await using var scenario = await IpamScenario.StartAsync(OneWorker());
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10");
        await CreateClusterAsync(scenario, "paused", paused: true);
        await scenario.CreateClaimAsync("held", "vips", clusterName: "paused");
        await scenario.CreateClaimAsync("control", "vips-2");   // a claim without a Cluster, processed meanwhile
        await scenario.WaitForNotReadyAsync("control", "PoolNotReady");

        var held = await scenario.Claims.GetAsync(IpamScenario.Namespace, "held");
        Assert.Null(held.Status);
        Assert.Null(held.Metadata.Finalizers);
        await AssertNoAddressAsync(scenario, "held");

        await scenario.Clusters.PatchAsync(IpamScenario.Namespace, "paused", new Cluster { Spec = new ClusterSpec { Paused = false } });
        Assert.Equal("10.0.0.10", (await scenario.WaitForAddressAsync("held")).Spec.Address);
    }

    [Fact]
    public async Task A_claim_labelled_with_a_Cluster_that_has_the_paused_annotation_waits_until_it_is_removed()
    {
        await using var scenario = await IpamScenario.StartAsync(OneWorker());
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10");
        await CreateClusterAsync(scenario, "moving", paused: false, annotations: new Dictionary<string, string> { ["cluster.x-k8s.io/paused"] = "" });
        var claim = new Models.Ipam.Cluster.V1Beta2.IPAddressClaim
        {
            Metadata = new V1ObjectMeta { Name = "held", NamespaceProperty = IpamScenario.Namespace, Labels = new Dictionary<string, string> { ["cluster.x-k8s.io/cluster-name"] = "moving" } },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } },
        };
        await scenario.Claims.CreateAsync(claim);
        await scenario.CreateClaimAsync("control", "vips-2");
        await scenario.WaitForNotReadyAsync("control", "PoolNotReady");
        await AssertNoAddressAsync(scenario, "held");

        await scenario.Clusters.PatchAsync(IpamScenario.Namespace, "moving", PatchFormat.Merge, """{"metadata":{"annotations":{"cluster.x-k8s.io/paused":null}}}""");
        var address = await scenario.WaitForAddressAsync("held");

        Assert.Equal("moving", address.Metadata.Labels?["cluster.x-k8s.io/cluster-name"]);
    }

    [Fact]
    public async Task A_claim_naming_a_Cluster_that_does_not_exist_is_skipped_until_the_Cluster_appears()
    {
        await using var scenario = await IpamScenario.StartAsync(OneWorker());
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10");
        await scenario.CreateClaimAsync("early", "vips", clusterName: "later");
        await scenario.CreateClaimAsync("control", "vips-2");
        await scenario.WaitForNotReadyAsync("control", "PoolNotReady");
        await AssertNoAddressAsync(scenario, "early");

        await CreateClusterAsync(scenario, "later", paused: false);

        Assert.Equal("10.0.0.10", (await scenario.WaitForAddressAsync("early")).Spec.Address);
    }

    [Fact]
    public async Task A_paused_pool_allocates_nothing_until_the_annotation_is_removed()
    {
        await using var scenario = await IpamScenario.StartAsync(OneWorker());
        await scenario.Pools.CreateAsync(new Models.Ipam.Cluster.V1Alpha2.InClusterIPPool
        {
            Metadata = new V1ObjectMeta { Name = "vips", NamespaceProperty = IpamScenario.Namespace, Annotations = new Dictionary<string, string> { ["cluster.x-k8s.io/paused"] = "true" } },
            Spec = new() { Addresses = ["10.0.0.10"], Prefix = 24 },
        });
        await scenario.CreateClaimAsync("held", "vips");
        await scenario.CreateClaimAsync("control", "vips-2");
        await scenario.WaitForNotReadyAsync("control", "PoolNotReady");
        await AssertNoAddressAsync(scenario, "held");

        await scenario.Pools.PatchAsync(IpamScenario.Namespace, "vips", PatchFormat.Merge, """{"metadata":{"annotations":{"cluster.x-k8s.io/paused":null}}}""");

        Assert.Equal("10.0.0.10", (await scenario.WaitForAddressAsync("held")).Spec.Address);
    }

    // One worker reconciles claims in the order they were created, so once "control" (created last) is answered,
    // "held" has been reconciled too.
    private static IpamSimulatorOptions OneWorker() => new() { MaxConcurrentReconciles = 1 };

    private static Task<Cluster> CreateClusterAsync(IpamScenario scenario, string name, bool paused, IDictionary<string, string>? annotations = null) =>
        scenario.Clusters.CreateAsync(new Cluster
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = IpamScenario.Namespace, Annotations = annotations },
            Spec = new ClusterSpec { Paused = paused },
        });

    private static async Task AssertNoAddressAsync(IpamScenario scenario, string name)
    {
        await Assert.ThrowsAsync<KubernetesNotFoundException>(() => scenario.Addresses.GetAsync(IpamScenario.Namespace, name));
    }
}
