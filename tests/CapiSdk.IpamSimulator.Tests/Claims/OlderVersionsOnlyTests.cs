using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Testing;
using CapiVipAllocator.Tests.Support;
using ApiServer = CapiSdk.IpamSimulator.Tests.Support.ApiServer;
using ClusterV1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Alpha1 = CapiSdk.Models.Ipam.Cluster.V1Alpha1;

namespace CapiSdk.IpamSimulator.Tests.Claims;

/// <summary>
/// A server that serves only older versions (v1alpha1 claims, addresses and pools; v1beta1 Clusters), as older
/// Cluster API and in-cluster provider releases install them: the simulator works in those versions.
/// </summary>
public sealed class OlderVersionsOnlyTests
{
    [Fact]
    public async Task Claims_are_allocated_and_a_paused_v1beta1_Cluster_holds_its_claim_back()
    {
        var options = new KubeApiServerOptions();
        ServedCrds.Only(options, ["v1beta1"], ["v1alpha1"], ["v1alpha1"]);
        await using var server = await KubeApiServer.StartAsync(options);
        using var kubernetes = server.CreateClient();
        await using var simulator = await IpamSimulator.StartAsync(kubernetes);
        await new V1Alpha1.InClusterIPPoolClient(kubernetes).CreateAsync(new() { Metadata = new() { Name = "vips", NamespaceProperty = "default" }, Spec = new() { Addresses = ["10.0.0.10-10.0.0.20"], Prefix = 24 } });
        var clusters = new ClusterV1Beta1.ClusterClient(kubernetes);
        await clusters.CreateAsync(new() { Metadata = new() { Name = "held", NamespaceProperty = "default" }, Spec = new() { Paused = true } });
        var claims = new V1Alpha1.IPAddressClaimClient(kubernetes);

        await claims.CreateAsync(Claim("held", cluster: "held"));
        await claims.CreateAsync(Claim("free", cluster: null));
        var free = await WaitAsync(claims, "free", c => c.Status?.AddressRef?.Name == "free");
        var address = await new V1Alpha1.IPAddressClient(kubernetes).GetAsync("default", "free");
        var held = await claims.GetAsync("default", "held");

        Assert.Equal(("v1alpha1", "v1alpha1", true), (simulator.Versions.Claims, simulator.Versions.Pools, simulator.ChecksClusters));
        Assert.Equal(("10.0.0.10", "ipam.cluster.x-k8s.io/v1alpha1"), (address.Spec?.Address, address.ApiVersion));
        var ready = free.Status!.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal(("True", null), (ready.Status, ready.Message));   // Cluster API's v1beta1 condition: no empty message
        Assert.Null(held.Status?.AddressRef);
        Assert.Null(held.Metadata.Finalizers);

        await clusters.PatchAsync("default", "held", PatchFormat.Merge, """{"spec":{"paused":false}}""");
        await WaitAsync(claims, "held", c => c.Status?.AddressRef?.Name == "held");
    }

    // v1alpha1 has no spec.clusterName: the Cluster is named by the label.
    private static V1Alpha1.IPAddressClaim Claim(string name, string? cluster) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = "default", Labels = cluster is null ? null : new Dictionary<string, string> { ["cluster.x-k8s.io/cluster-name"] = cluster } },
        Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } },
    };

    private static async Task<V1Alpha1.IPAddressClaim> WaitAsync(V1Alpha1.IPAddressClaimClient claims, string name, Func<V1Alpha1.IPAddressClaim, bool> test)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var change in claims.WatchAsync("default", new WatchOptions { FieldSelector = "metadata.name=" + name }, timeout.Token))
        {
            if (change.Object is { } claim && test(claim))
            {
                return claim;
            }
        }

        throw new TimeoutException($"IPAddressClaim default/{name} did not reach the expected state");
    }
}
