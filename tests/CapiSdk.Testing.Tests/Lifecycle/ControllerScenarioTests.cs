using System.Net;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace CapiSdk.Testing.Tests.Lifecycle;

public sealed class ControllerScenarioTests
{
    [Fact]
    public async Task Concurrent_updates_from_the_same_resourceVersion_let_exactly_one_win()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(2, 10).Select(async i =>
        {
            var copy = created.DeepClone().AsObject();
            copy["spec"]!["replicas"] = i;
            try
            {
                await client.ReplaceAsync(copy);
                return HttpStatusCode.OK;
            }
            catch (HttpOperationException e)
            {
                return e.Response.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == HttpStatusCode.OK));
        Assert.Equal(9, outcomes.Count(o => o == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task KubernetesClient_leader_election_acquires_a_lease()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        var leaseLock = new LeaseLock(client, "kube-system", "widget-controller", "replica-a");
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        elector.OnStartedLeading += () => leading.TrySetResult();
        using var stop = new CancellationTokenSource();

        var run = elector.RunUntilLeadershipLostAsync(stop.Token);
        await leading.Task.WaitAsync(TestContext.Token);
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("widget-controller", "kube-system", cancellationToken: TestContext.Token);
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(TestContext.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping the elector cancels its loop.
        }

        Assert.Equal("replica-a", lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Status_written_with_server_side_apply_is_owned_through_the_status_subresource()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        var status = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w1" },
            ["status"] = new JsonObject { ["phase"] = "Ready", ["observedGeneration"] = 1 },
        };

        var applied = await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<JsonObject>(
            new V1Patch(status.ToJsonString(), V1Patch.PatchType.ApplyPatch), "example.com", "v1", "default", "widgets", "w1", fieldManager: "widget-controller", force: true, cancellationToken: TestContext.Token);

        Assert.Equal("Ready", (string?)applied["status"]!["phase"]);
        var entry = applied["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "widget-controller")!;
        Assert.Equal("status", (string?)entry["subresource"]);
        Assert.Equal("""{"f:status":{"f:observedGeneration":{},"f:phase":{}}}""", entry["fieldsV1"]!.ToJsonString());
        Assert.Equal("red", (string?)applied["spec"]!["color"]);
    }
}
