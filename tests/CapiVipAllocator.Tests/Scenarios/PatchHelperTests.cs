using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.Models;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

/// <summary>
/// Cluster API's own controllers write the Cluster's conditions through their patch helper (a per-type diff applied
/// to the latest object, sent as a merge patch of the whole list with a resourceVersion precondition; see the
/// README's "Conditions next to Cluster API's"). Our condition and theirs must both survive each other's writes.
/// </summary>
public sealed class PatchHelperTests
{
    private const string Path = "/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters/";

    [Fact]
    public async Task Cluster_APIs_patch_helper_working_from_a_stale_read_keeps_our_condition_and_ours_keeps_its_conditions()
    {
        await using var scenario = await Scenario.StartAsync();
        using var api = new RawApi(scenario.Server);
        await scenario.CreateGlobalPoolAsync("vips", ["10.0.0.10-10.0.0.20"]);
        await scenario.CreateClassAsync();
        await scenario.StartControllerAsync();
        await scenario.CreateClusterAsync("c1");
        await scenario.WaitForConditionAsync("c1", "VipAllocated");
        var capi = new CapiConditionPatcher(api, Path + "c1", v1beta1: false);
        await capi.PatchAsync(await capi.SnapshotAsync(), Theirs("False", "round 0"));

        // Cluster API's reconcile reads the Cluster; meanwhile the spec changes and our controller rewrites its
        // condition (a new observedGeneration); then the patch helper writes from its stale read.
        var before = await capi.SnapshotAsync();
        await WaitForOurConditionAsync(scenario, "c1", await BumpGenerationAsync(scenario, "c1", "v1.31.1"));
        await capi.PatchAsync(before, Theirs("True", "round 1"));
        // And our next write leaves theirs as they are.
        var generation = await BumpGenerationAsync(scenario, "c1", "v1.31.2");
        await WaitForOurConditionAsync(scenario, "c1", generation);

        var cluster = (await api.GetAsync(Path + "c1"))!;
        var conditions = capi.Conditions(cluster);
        var ours = CapiConditionPatcher.Find(conditions, "ControlPlaneVipReady")!;
        Assert.Equal(("True", "VipAllocated", (long?)generation), ((string?)ours["status"], (string?)ours["reason"], (long?)ours["observedGeneration"]));
        Assert.Equal(("True", "round 1"), ((string?)CapiConditionPatcher.Find(conditions, "Available")?["status"], (string?)CapiConditionPatcher.Find(conditions, "Available")?["message"]));
        Assert.Equal("round 1", (string?)CapiConditionPatcher.Find(conditions, "RemoteConnectionProbe")?["message"]);
        var statusFields = cluster["metadata"]!["managedFields"]!.AsArray()
            .Single(m => (string?)m!["manager"] == "capi-vip-allocator" && (string?)m["subresource"] == "status")!["fieldsV1"]!.ToJsonString();
        Assert.Equal("""{"f:status":{"f:conditions":{"k:{\u0022type\u0022:\u0022ControlPlaneVipReady\u0022}":{".":{},"f:lastTransitionTime":{},"f:message":{},"f:observedGeneration":{},"f:reason":{},"f:status":{},"f:type":{}}}}}""", statusFields);
    }

    [Fact]
    public async Task Concurrent_patch_helper_writes_and_our_condition_writes_lose_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        using var api = new RawApi(scenario.Server);
        await scenario.CreateGlobalPoolAsync("vips", ["10.0.0.10-10.0.0.30"]);
        await scenario.CreateClassAsync();
        await scenario.StartControllerAsync();
        string[] names = ["p1", "p2", "p3", "p4", "p5"];
        foreach (var name in names)
        {
            await scenario.CreateClusterAsync(name);
        }

        const int rounds = 12;
        var writers = names.Select(name => Task.Run(async () =>
        {
            var capi = new CapiConditionPatcher(api, Path + name, v1beta1: false);
            for (var round = 1; round <= rounds; round++)
            {
                await capi.PatchAsync(await capi.SnapshotAsync(), Theirs(round % 2 == 0 ? "True" : "False", "round " + round));
            }
        }));
        var bumps = names.Select(name => Task.Run(async () =>
        {
            var generation = 0L;
            for (var patch = 1; patch <= 4; patch++)
            {
                generation = await BumpGenerationAsync(scenario, name, "v1.31." + patch);
            }

            return generation;
        })).ToList();
        await Task.WhenAll(writers);
        var generations = await Task.WhenAll(bumps);

        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var cluster = await WaitForOurConditionAsync(scenario, name, generations[i]);
            var theirs = cluster.Status!.Conditions!.Single(c => c.Type == "Available");
            Assert.Equal(("True", "round " + rounds), (theirs.Status?.ToString(), theirs.Message));
            Assert.Equal("round " + rounds, cluster.Status.Conditions!.Single(c => c.Type == "RemoteConnectionProbe").Message);
        }
    }

    private static Dictionary<string, (string, string, string)> Theirs(string available, string message) => new()
    {
        ["Available"] = (available, available == "True" ? "Available" : "NotAvailable", message),
        ["RemoteConnectionProbe"] = ("True", "ProbeSucceeded", message),
    };

    // Our own endpoint write also moves the generation, so the generation to wait for is the one this change made.
    private static async Task<long> BumpGenerationAsync(Scenario scenario, string name, string version) =>
        (await scenario.Clusters.PatchAsync("default", name, PatchFormat.Merge, new JsonObject { ["spec"] = new JsonObject { ["topology"] = new JsonObject { ["version"] = version } } }.ToJsonString())).Metadata.Generation!.Value;

    private static Task<CapiSdk.Models.Cluster.V1Beta2.Cluster> WaitForOurConditionAsync(Scenario scenario, string name, long generation) =>
        scenario.WaitForClusterAsync(name, c => c.Metadata.Generation >= generation &&
            c.Status?.Conditions?.FirstOrDefault(x => x.Type == "ControlPlaneVipReady") is { Reason: "VipAllocated" } ours && ours.ObservedGeneration == c.Metadata.Generation);
}
