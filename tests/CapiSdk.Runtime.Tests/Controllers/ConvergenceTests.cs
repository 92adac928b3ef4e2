using System.Collections.Concurrent;
using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing.Faults;
using TestTimeout = CapiSdk.Runtime.Tests.Support2.TestTimeout;

namespace CapiSdk.Runtime.Tests.Controllers;

public sealed class ConvergenceTests
{
    /// <summary>
    /// With 500s, 503s, 429s and dropped connections on the controller's reads (list, watch, get) and watches cut
    /// every few events, 120 clusters are created, 60 changed and 20 deleted. The controller converges: its last
    /// successful reconcile of every cluster saw the cluster's final resourceVersion (or that it is gone), and no
    /// cluster was ever reconciled twice at once.
    /// </summary>
    [Fact]
    public async Task A_controller_converges_through_server_errors_throttling_and_dropped_watches()
    {
        await using var server = await ApiServer.StartAsync(o => o.WatchHistorySize = 200);
        using var kubernetes = server.CreateClient();
        var clusters = new ClusterClient(kubernetes);
        string[] reads = ["list", "watch", "get"];
        server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = reads, Rate = 0.08 });
        server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Verbs = reads, Rate = 0.04 });
        server.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Verbs = reads, Rate = 0.04, RetryAfter = TimeSpan.FromMilliseconds(20) });
        server.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Verbs = reads, Rate = 0.04 });
        server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, Verbs = ["watch"], CutWatchAfterEvents = 7 });

        var seen = new ConcurrentDictionary<string, string>();
        var observed = new Recorder<string>();
        var reconciler = new RecordingReconciler<Cluster>(async (request, _, ct) =>
        {
            try
            {
                var live = await clusters.GetAsync(request.RequiredNamespace, request.Name, ct);
                seen[request.Name] = live.Metadata.ResourceVersion;
            }
            catch (KubernetesNotFoundException)
            {
                seen[request.Name] = "gone";
            }

            observed.Add(request.Name);

            return ReconcileResult.Done;
        });
        var informers = new InformerFactory(new InformerOptions { Namespace = "default", InitialRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(200) });
        var controller = new ControllerBuilder<Cluster>(informers, clusters)
            .WithMaxConcurrentReconciles(4)
            .WithQueueOptions(new WorkQueueOptions { MaxDelay = TimeSpan.FromMilliseconds(500), RetriesPerSecond = 0 })
            .Build(reconciler);
        using var stop = new CancellationTokenSource();
        var running = new ControllerManager(informers, [controller]).RunAsync(stop.Token);

        var final = new Dictionary<string, string>();
        for (var i = 0; i < 120; i++)
        {
            var created = await clusters.CreateAsync(Objects.Cluster("c" + i));
            final[created.Metadata.Name] = created.Metadata.ResourceVersion;
        }

        for (var i = 0; i < 60; i++)
        {
            var changed = await clusters.PatchAsync("default", "c" + i, PatchFormat.Merge, "{\"spec\":{\"paused\":true}}");
            final[changed.Metadata.Name] = changed.Metadata.ResourceVersion;
        }

        for (var i = 100; i < 120; i++)
        {
            await clusters.DeleteAsync("default", "c" + i);
            final["c" + i] = "gone";
        }

        await observed.WaitForAsync(
            _ => final.All(f => seen.TryGetValue(f.Key, out var rv) && rv == f.Value),
            TestTimeout.Limit * 2,
            "every cluster reconciled at its final state");
        await stop.CancelAsync();
        await running.WaitAsync(TestTimeout.Limit);

        Assert.Equal(0, reconciler.Overlaps);
        Assert.True(server.Counters.Count("watch", "clusters") > 5, "watches should have been cut and resumed");
    }
}
