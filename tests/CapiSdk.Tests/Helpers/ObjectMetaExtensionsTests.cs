using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Testing;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Tests.Infrastructure;

namespace CapiSdk.Tests.Helpers;

/// <summary>Owner references and finalizers, checked against the server's garbage collector.</summary>
public sealed class ObjectMetaExtensionsTests
{
    [Fact]
    public async Task A_claim_owned_by_its_Cluster_is_garbage_collected_with_it()
    {
        await using var server = await ApiServer.StartAsync();
        using var kubernetes = server.CreateClient();
        var clusters = new ClusterClient(kubernetes);
        var claims = new IPAddressClaimClient(kubernetes);
        var cluster = await clusters.CreateAsync(new Cluster { Metadata = new() { Name = "prod", NamespaceProperty = "default" }, Spec = new ClusterSpec { Paused = false } });
        var claim = new IPAddressClaim
        {
            Metadata = new() { Name = "prod-vip", NamespaceProperty = "default" },
            Spec = new IPAddressClaimSpec { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "pool" } },
        };

        claim.SetOwnerReference(cluster);
        var created = await claims.CreateAsync(claim);
        using var changes = server.Changes.Subscribe();
        await clusters.DeleteAsync("default", "prod");
        await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Name == "prod-vip", new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.True(created.IsOwnedBy(cluster));
        Assert.Equal(("Cluster", "prod", true), (created.GetControllerReference()!.Kind, created.GetControllerReference()!.Name, created.GetControllerReference()!.Controller == true));
        await Assert.ThrowsAsync<KubernetesNotFoundException>(() => claims.GetAsync("default", "prod-vip"));
    }

    [Fact]
    public void An_owner_without_a_uid_or_a_second_controller_is_refused()
    {
        var claim = new IPAddressClaim { Metadata = new() { Name = "c" } };
        var unsaved = new Cluster { Metadata = new() { Name = "x" } };
        var first = new Cluster { Metadata = new() { Name = "a", Uid = "uid-a" } };
        var second = new Cluster { Metadata = new() { Name = "b", Uid = "uid-b" } };

        Assert.Throws<ArgumentException>(() => claim.SetOwnerReference(unsaved));
        claim.SetOwnerReference(first);
        Assert.Throws<InvalidOperationException>(() => claim.SetOwnerReference(second));
        claim.SetOwnerReference(second, controller: false);
        Assert.Equal(2, claim.Metadata.OwnerReferences.Count);
    }

    [Fact]
    public void Finalizers_are_added_once_and_removed()
    {
        var cluster = new Cluster { Metadata = new() { Name = "a" } };

        Assert.True(cluster.AddFinalizer("vip.capi.io/release"));
        Assert.False(cluster.AddFinalizer("vip.capi.io/release"));
        Assert.Single(cluster.Metadata.Finalizers);
        Assert.True(cluster.RemoveFinalizer("vip.capi.io/release"));
        Assert.False(cluster.RemoveFinalizer("vip.capi.io/release"));
        Assert.False(cluster.IsBeingDeleted());
    }
}
