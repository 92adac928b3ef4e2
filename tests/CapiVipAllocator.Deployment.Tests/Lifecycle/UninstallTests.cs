using CapiVipAllocator.Deployment.Tests.Harness;
using CapiVipAllocator.Deployment.Tests.Support;

namespace CapiVipAllocator.Deployment.Tests.Lifecycle;

/// <summary>Uninstalling the controller leaves nothing that blocks deleting a Cluster: no finalizer, no webhook.</summary>
public sealed class UninstallTests
{
    [SkippableFact]
    public async Task Clusters_delete_and_their_addresses_are_released_after_the_controller_is_gone()
    {
        await using var world = await World.StartAsync(Scenario.TenantA);
        await world.CreateClassAsync(Scenario.TenantA);
        await world.CreateGlobalPoolAsync("vips", "10.0.0.10-10.0.0.20");
        await using (var replica = ProcessReplica.Start(world, "replica-a", await Scenario.DeploymentArgsAsync()))
        {
            await world.CreateClusterAsync(Scenario.TenantA, "c1");
            await world.WaitForVipAsync(Scenario.TenantA, "c1");
            var (exitCode, inTime) = await replica.StopAsync(Scenario.Grace);
            Assert.True(inTime && exitCode == 0, await replica.LogsAsync());
        }
        var cluster = await world.Clusters.GetAsync(Scenario.TenantA, "c1", TestContext.Token);
        Assert.Null(cluster.Metadata.Finalizers);

        await world.DeleteClusterAndWaitForReleaseAsync(Scenario.TenantA, "c1");

        await Wait.UntilAsync("the pool's addresses to be released", async () =>
            (await new CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClient(world.Client).ListAsync(Scenario.TenantA, cancellationToken: TestContext.Token)).Items.Count == 0);
    }
}
