using CapiVipAllocator.Cli;
using CapiVipAllocator.Tests.Support;
using k8s;

namespace CapiVipAllocator.Tests.Scenarios;

/// <summary><c>--namespace</c>: one namespace's Clusters, classes, claims and InClusterIPPools; GlobalInClusterIPPools are cluster-scoped and always seen.</summary>
public sealed class NamespaceTests
{
    [Fact]
    public async Task With_namespace_only_its_Clusters_are_served_and_a_class_from_another_namespace_is_reported()
    {
        await using var s = await Scenario.StartAsync();
        foreach (var ns in new[] { "team-a", "team-b", "shared" })
        {
            await s.Client.CoreV1.CreateNamespaceAsync(new() { Metadata = new() { Name = ns } });
        }

        await s.CreateGlobalPoolAsync("vips", ["10.0.0.10-10.0.0.20"]);
        await s.CreatePoolAsync("team-a", "team-a-vips", ["10.1.0.10-10.1.0.20"]);
        await s.CreateClassAsync(ns: "team-a");
        await s.CreateClassAsync(ns: "team-b");
        await s.CreateClassAsync(ns: "shared");
        await s.StartControllerAsync(new AllocatorOptions { Namespace = "team-a" });

        await s.CreateClusterAsync("local", ns: "team-a");
        await s.CreateClusterAsync("elsewhere", ns: "team-b");
        await s.CreateClusterAsync("shared-class", ns: "team-a", configure: c => c.Spec.Topology!.ClassRef!.Namespace = "shared");

        Assert.Equal("10.1.0.10", await s.WaitForVipAsync("local", "team-a"));
        var reported = await s.WaitForConditionAsync("shared-class", "ClusterClassOutsideNamespace", "team-a");
        var condition = reported.Status!.Conditions!.Single(c => c.Type == "ControlPlaneVipReady");
        Assert.Equal("False", condition.Status?.ToString());
        Assert.Contains("--namespace team-a", condition.Message, StringComparison.Ordinal);
        // The Cluster outside the watched namespace is not touched: no claim, no condition (checked after the
        // ones above were written, so the controller had the chance).
        Assert.Empty((await s.Claims.ListAsync("team-b")).Items);
        Assert.Null((await s.Clusters.GetAsync("team-b", "elsewhere")).Status?.Conditions);
    }
}
