using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;
using k8s;
using Microsoft.Extensions.Time.Testing;
using TestTimeout = CapiSdk.Runtime.Tests.Support2.TestTimeout;

namespace CapiSdk.Runtime.Tests.Controllers;

public sealed class ControllerTests : IAsyncLifetime
{
    private static readonly ReconcileRequest Sentinel = new("default", "zz-sentinel");
    private readonly CancellationTokenSource _stop = new();
    private KubeApiServer _server = null!;
    private IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;
    private IPAddressClaimClient _claims = null!;
    private InformerFactory _informers = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        _kubernetes = _server.CreateClient();
        _clusters = new ClusterClient(_kubernetes);
        _claims = new IPAddressClaimClient(_kubernetes);
        _informers = new InformerFactory(new InformerOptions { Namespace = "default" });
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TestTimeout.Limit);
        _stop.Dispose();
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    private ControllerBuilder<Cluster> Builder() => new(_informers, _clusters);

    private Controller<Cluster> Run(Controller<Cluster> controller, ILeadershipGate? gate = null)
    {
        _running = new ControllerManager(_informers, [controller], gate).RunAsync(_stop.Token);
        return controller;
    }

    private static Task<IReadOnlyList<ReconcileRequest>> WaitForAsync(RecordingReconciler<Cluster> reconciler, string name, int times = 1) =>
        reconciler.Calls.WaitForAsync(c => c.Count(r => r.Name == name) >= times, what: times + " reconcile(s) of " + name);

    private static ReconcileRequest Request(string name) => new("default", name);

    /// <summary>With one worker the queue is first-in first-out: once the sentinel is reconciled, everything queued before it was too.</summary>
    private static async Task<IReadOnlyList<ReconcileRequest>> FlushAsync(Controller<Cluster> controller, RecordingReconciler<Cluster> reconciler)
    {
        var before = reconciler.Calls.Items.Count(r => r == Sentinel);
        controller.Enqueue(Sentinel);
        return await reconciler.Calls.WaitForAsync(c => c.Count(r => r == Sentinel) > before, what: "the sentinel");
    }

    private async Task<IPAddressClaim> ClaimOwnedByAsync(string name, Cluster owner, bool controller = true)
    {
        var claim = Objects.Claim(name);
        claim.SetOwnerReference(owner, controller);
        return await _claims.CreateAsync(claim);
    }

    [Fact]
    public async Task Every_existing_object_is_reconciled_when_the_controller_starts()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        await _clusters.CreateAsync(Objects.Cluster("b"));
        var reconciler = new RecordingReconciler<Cluster>();

        Run(Builder().Build(reconciler));

        var calls = await reconciler.Calls.WaitForAsync(c => c.Count == 2, what: "two reconciles");
        Assert.Equal([Request("a"), Request("b")], calls.OrderBy(r => r.Name));
    }

    [Fact]
    public async Task A_created_object_is_reconciled_and_the_reconciler_reads_it_from_the_cache()
    {
        Controller<Cluster>? controller = null;
        var seen = new Recorder<string>();
        var reconciler = new RecordingReconciler<Cluster>((request, _, _) =>
        {
            seen.Add(controller!.Informer.Get(request.Namespace, request.Name)?.Spec.Topology?.Version ?? "missing");
            return Task.FromResult(ReconcileResult.Done);
        });
        controller = Run(Builder().Build(reconciler));
        await _informers.WaitForSyncAsync(CancellationToken.None);

        await _clusters.CreateAsync(Objects.Cluster("a"));

        await seen.WaitForAsync(s => s.Count == 1);
        Assert.Equal(["v1.31.0"], seen.Items);
    }

    [Fact]
    public async Task An_owned_object_queues_its_controlling_owner_and_nothing_else()
    {
        var c1 = await _clusters.CreateAsync(Objects.Cluster("c1"));
        var c2 = await _clusters.CreateAsync(Objects.Cluster("c2"));
        var reconciler = new RecordingReconciler<Cluster>();
        var controller = Run(Builder().Owns(_claims).Build(reconciler));
        await reconciler.Calls.WaitForAsync(c => c.Count == 2, what: "the start");

        await _claims.CreateAsync(Objects.Claim("free"));
        await ClaimOwnedByAsync("not-controlled", c2, controller: false);
        await Eventually.TrueAsync(() => controller.Informer.Count == 2 && _informers.Informers.All(i => i.HasSynced), "the cache");
        await Eventually.TrueAsync(() => _informers.Informers.OfType<SharedInformer<IPAddressClaim>>().Single().Count == 2, "the claims in the cache");
        var flushed = await FlushAsync(controller, reconciler);
        await ClaimOwnedByAsync("owned", c1);

        await WaitForAsync(reconciler, "c1", times: 2);
        Assert.Equal(1, flushed.Count(r => r.Name == "c2"));
    }

    [Fact]
    public async Task An_owned_object_moved_to_another_owner_queues_both_owners()
    {
        var c1 = await _clusters.CreateAsync(Objects.Cluster("c1"));
        var c2 = await _clusters.CreateAsync(Objects.Cluster("c2"));
        await ClaimOwnedByAsync("claim", c1);
        var reconciler = new RecordingReconciler<Cluster>();
        Run(Builder().Owns(_claims).Build(reconciler));
        await WaitForAsync(reconciler, "c1");
        await WaitForAsync(reconciler, "c2");

        var moved = "{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"cluster.x-k8s.io/v1beta2\",\"kind\":\"Cluster\",\"name\":\"c2\",\"uid\":\""
            + c2.Metadata.Uid + "\",\"controller\":true}]}}";
        await _claims.PatchAsync("default", "claim", PatchFormat.Merge, moved);

        await WaitForAsync(reconciler, "c1", times: 2);
        await WaitForAsync(reconciler, "c2", times: 2);
    }

    [Fact]
    public async Task Watches_maps_any_object_to_the_requests_its_function_returns()
    {
        await _clusters.CreateAsync(Objects.Cluster("target"));
        var reconciler = new RecordingReconciler<Cluster>();
        Run(Builder().Watches(_claims, claim => claim.Spec.ClusterName is { } name ? [new ReconcileRequest("default", name)] : []).Build(reconciler));
        await WaitForAsync(reconciler, "target");

        var claim = Objects.Claim("pointer");
        claim.Spec.ClusterName = "target";
        await _claims.CreateAsync(claim);

        await WaitForAsync(reconciler, "target", times: 2);
    }

    [Fact]
    public async Task GenerationChanged_ignores_metadata_only_updates_and_passes_spec_changes()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        var reconciler = new RecordingReconciler<Cluster>();
        var controller = Run(Builder().WithPredicate(Predicates.GenerationChanged).Build(reconciler));
        await WaitForAsync(reconciler, "a");

        var labelled = await _clusters.PatchAsync("default", "a", PatchFormat.Merge, "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}");
        await Eventually.TrueAsync(() => controller.Informer.Get("default/a")?.Metadata.ResourceVersion == labelled.Metadata.ResourceVersion, "the label in the cache");
        var flushed = await FlushAsync(controller, reconciler);
        Assert.Equal(1, flushed.Count(r => r.Name == "a"));
        await _clusters.PatchAsync("default", "a", PatchFormat.Merge, "{\"spec\":{\"paused\":true}}");

        await WaitForAsync(reconciler, "a", times: 2);
    }

    [Fact]
    public async Task HasLabel_filters_objects_at_start_and_afterwards()
    {
        await _clusters.CreateAsync(Objects.Cluster("plain-old"));
        await _clusters.CreateAsync(Objects.Cluster("mine-old", labels: new Dictionary<string, string> { ["team"] = "ipam" }));
        var reconciler = new RecordingReconciler<Cluster>();
        var controller = Run(Builder().WithPredicate(Predicates.HasLabel("team", "ipam")).Build(reconciler));
        await WaitForAsync(reconciler, "mine-old");

        await _clusters.CreateAsync(Objects.Cluster("plain-new"));
        await _clusters.CreateAsync(Objects.Cluster("mine-new", labels: new Dictionary<string, string> { ["team"] = "ipam" }));
        await WaitForAsync(reconciler, "mine-new");
        var calls = await FlushAsync(controller, reconciler);

        Assert.DoesNotContain(calls, r => r.Name.StartsWith("plain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_reconcile_is_retried_after_5_10_20_ms_and_the_backoff_resets_after_success()
    {
        var time = new FakeTimeProvider();
        var metrics = new RecordingMetrics();
        var reconciler = new RecordingReconciler<Cluster>((_, call, _) => call is 1 or 2 or 3 or 5
            ? throw new InvalidOperationException("failure " + call)
            : Task.FromResult(ReconcileResult.Done));
        await _clusters.CreateAsync(Objects.Cluster("a"));
        Run(Builder().WithMetrics(metrics).WithQueueOptions(new WorkQueueOptions { TimeProvider = time }).Build(reconciler));

        async Task ExpectRetryAfterAsync(int completed, int milliseconds)
        {
            await metrics.Completed.WaitForAsync(c => c.Count == completed, what: completed + " reconciles");
            Assert.Equal(ReconcileOutcome.Error, metrics.Completed.Items[^1]);
            var added = metrics.Added;
            time.Advance(TimeSpan.FromMilliseconds(milliseconds - 1));
            Assert.Equal(added, metrics.Added);
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(added + 1, metrics.Added);
        }

        await ExpectRetryAfterAsync(1, 5);
        await ExpectRetryAfterAsync(2, 10);
        await ExpectRetryAfterAsync(3, 20);
        await metrics.Completed.WaitForAsync(c => c.Count == 4, what: "the success");
        Assert.Equal(ReconcileOutcome.Success, metrics.Completed.Items[3]);
        await _clusters.PatchAsync("default", "a", PatchFormat.Merge, "{\"spec\":{\"paused\":true}}");
        await ExpectRetryAfterAsync(5, 5);
        await metrics.Completed.WaitForAsync(c => c.Count == 6, what: "the second success");
    }

    [Fact]
    public async Task A_result_with_a_delay_runs_the_reconcile_again_after_it()
    {
        var time = new FakeTimeProvider();
        var metrics = new RecordingMetrics();
        var reconciler = new RecordingReconciler<Cluster>((_, call, _) => Task.FromResult(call == 1 ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done));
        await _clusters.CreateAsync(Objects.Cluster("a"));
        Run(Builder().WithMetrics(metrics).WithQueueOptions(new WorkQueueOptions { TimeProvider = time }).Build(reconciler));
        await metrics.Completed.WaitForAsync(c => c.Count == 1);
        var added = metrics.Added;

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(added, metrics.Added);
        time.Advance(TimeSpan.FromSeconds(1));

        await WaitForAsync(reconciler, "a", times: 2);
        Assert.Equal([ReconcileOutcome.RequeueAfter, ReconcileOutcome.Success], (await metrics.Completed.WaitForAsync(c => c.Count == 2)).ToArray());
    }

    [Fact]
    public async Task RequeueNow_runs_the_reconcile_again_with_the_keys_backoff()
    {
        var time = new FakeTimeProvider();
        var metrics = new RecordingMetrics();
        var reconciler = new RecordingReconciler<Cluster>((_, call, _) => Task.FromResult(call < 3 ? ReconcileResult.RequeueNow : ReconcileResult.Done));
        await _clusters.CreateAsync(Objects.Cluster("a"));
        Run(Builder().WithMetrics(metrics).WithQueueOptions(new WorkQueueOptions { TimeProvider = time }).Build(reconciler));

        await metrics.Completed.WaitForAsync(c => c.Count == 1);
        time.Advance(TimeSpan.FromMilliseconds(5));
        await metrics.Completed.WaitForAsync(c => c.Count == 2);
        var added = metrics.Added;
        time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(added, metrics.Added);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var outcomes = await metrics.Completed.WaitForAsync(c => c.Count == 3);
        Assert.Equal([ReconcileOutcome.Requeue, ReconcileOutcome.Requeue, ReconcileOutcome.Success], outcomes.ToArray());
    }

    [Fact]
    public async Task Workers_run_different_keys_at_once_but_never_one_key_twice()
    {
        for (var i = 0; i < 4; i++)
        {
            await _clusters.CreateAsync(Objects.Cluster("k" + i));
        }

        var metrics = new RecordingMetrics();

        // The first two reconciles wait for each other, so two workers are certainly busy at once however the
        // machine schedules them (a controller that ran one reconcile at a time would time out here).
        var started = 0;
        var together = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = new RecordingReconciler<Cluster>(async (_, _, ct) =>
        {
            var n = Interlocked.Increment(ref started);
            if (n == 2)
            {
                together.TrySetResult();
            }

            if (n <= 2)
            {
                await together.Task.WaitAsync(TestTimeout.Limit, ct);
            }

            await Task.Yield();
            return ReconcileResult.Done;
        });
        var controller = Run(Builder().WithMaxConcurrentReconciles(4).WithMetrics(metrics).Build(reconciler));
        await reconciler.Calls.WaitForAsync(c => c.Count >= 4);

        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                controller.Enqueue(Request("k" + i));
            }

            await Task.Yield();
        }

        await Eventually.TrueAsync(() => metrics.Completed.Items.Count == reconciler.Calls.Items.Count && Enumerable.Range(0, 4).All(i => reconciler.Calls.Items.Count(r => r.Name == "k" + i) >= 2), "the work to finish");
        Assert.Equal(0, reconciler.Overlaps);
        Assert.InRange(metrics.MaxActiveWorkers, 2, 4);
    }

    [Fact]
    public async Task Controllers_run_only_while_leading_and_reconcile_everything_again_when_leadership_returns()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        var gate = new ManualLeadershipGate();
        var cancelled = new Recorder<string>();
        var reconciler = new RecordingReconciler<Cluster>(async (_, call, ct) =>
        {
            if (call == 2)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    cancelled.Add("cancelled");
                    throw;
                }
            }

            return ReconcileResult.Done;
        });
        var manager = new ControllerManager(_informers, [Builder().Build(reconciler)], gate);
        _running = manager.RunAsync(_stop.Token);
        await Eventually.TrueAsync(() => manager.IsReady, "the caches to sync");
        Assert.Empty(reconciler.Calls.Items);

        gate.Acquire();
        await WaitForAsync(reconciler, "a");
        await _clusters.PatchAsync("default", "a", PatchFormat.Merge, "{\"spec\":{\"paused\":true}}");
        await WaitForAsync(reconciler, "a", times: 2);
        gate.Lose();

        await cancelled.WaitForAsync(c => c.Count == 1, what: "the reconcile in progress to be cancelled");
        await Eventually.TrueAsync(() => !manager.IsLeading, "the controllers to stop");
        gate.Acquire();
        await WaitForAsync(reconciler, "a", times: 3);
    }

    [Fact]
    public void Predicates_decide_on_generation_labels_annotations_and_selectors()
    {
        var old = Objects.Cluster("a", labels: new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "1" });
        old.Metadata.Generation = 1;
        var same = Objects.Cluster("a", labels: new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "1" });
        same.Metadata.Generation = 1;
        same.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };
        var bumped = Objects.Cluster("a");
        bumped.Metadata.Generation = 2;

        Assert.False(Predicates.GenerationChanged.Update(old, same));
        Assert.True(Predicates.GenerationChanged.Update(old, bumped));
        Assert.True(Predicates.GenerationChanged.Create(old));
        Assert.False(Predicates.LabelsChanged.Update(old, same));
        Assert.True(Predicates.AnnotationsChanged.Update(old, same));
        Assert.True(Predicates.HasAnnotation("note").Update(old, same));
        Assert.False(Predicates.HasAnnotation("note", "y").Create(same));
        Assert.True(Predicates.LabelSelector("env in (prod,staging),tier!=2,!gone").Create(old));
        Assert.False(Predicates.LabelSelector("env=prod,tier notin (1)").Create(old));
        Assert.False(Predicates.LabelSelector("env").Create(bumped));
    }
}
