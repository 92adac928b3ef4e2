using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Tests.Support2;
using CapiSdk.Testing;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Faults;
using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Tests.Events;

public sealed class EventRecorderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static EventRecorderOptions Options() => new() { Component = "widget-controller", Instance = "pod-1" };

    private static async Task<V1Lease> CreateWidgetAsync(IKubernetes k8s, CancellationToken ct) =>
        await k8s.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "widget-1" }, Spec = new V1LeaseSpec() }, "default", cancellationToken: ct);

    private static async Task<IList<Corev1Event>> EventsAsync(IKubernetes k8s, CancellationToken ct) =>
        (await k8s.CoreV1.ListNamespacedEventAsync("default", cancellationToken: ct)).Items;

    private static bool IsEvent(ResourceChange change) => change.Resource == "events";

    [Fact]
    public async Task Repeated_event_is_one_object_with_count_and_last_timestamp()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        var clock = new ManualTimeProvider(Start);
        await using var recorder = new EventRecorder(k8s, Options(), timeProvider: clock);

        for (var i = 0; i < 5; i++)
        {
            recorder.Record(widget, EventType.Warning, "AllocationFailed", "the pool is exhausted");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await recorder.FlushAsync(ct);

        var e = Assert.Single(await EventsAsync(k8s, ct));
        Assert.Equal(5, e.Count);
        Assert.Equal(Start.UtcDateTime, e.FirstTimestamp);
        Assert.Equal(Start.UtcDateTime.AddSeconds(4), e.LastTimestamp);
    }

    [Fact]
    public async Task Repeats_patch_the_first_event_instead_of_creating_new_ones()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        using var changes = server.Changes.Subscribe();
        await using var recorder = new EventRecorder(k8s, Options());

        for (var i = 0; i < 5; i++)
        {
            recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        }

        await recorder.FlushAsync(ct);
        var writes = new List<ResourceChange>();
        for (var i = 0; i < 5; i++)
        {
            writes.Add(await changes.WaitForAsync(IsEvent, ct));
        }

        Assert.Equal([ChangeType.Added, ChangeType.Modified, ChangeType.Modified, ChangeType.Modified, ChangeType.Modified], writes.Select(w => w.Type));
        Assert.Single(writes.Select(w => w.Name).Distinct());
        Assert.Equal([1, 2, 3, 4, 5], writes.Select(w => w.Object.GetProperty("count").GetInt32()));
        Assert.Equal(1, server.Counters.Count("create", "events"));
        Assert.Equal(4, server.Counters.Count("patch", "events"));
    }

    [Fact]
    public async Task Different_reasons_are_separate_events()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        await using var recorder = new EventRecorder(k8s, Options());

        recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        recorder.Record(widget, EventType.Normal, "Released", "10.0.0.5 released");
        recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        await recorder.FlushAsync(ct);

        var events = (await EventsAsync(k8s, ct)).ToDictionary(e => e.Reason);
        Assert.Equal(2, events.Count);
        Assert.Equal(2, events["Allocated"].Count);
        Assert.Equal(1, events["Released"].Count);
        Assert.NotEqual(events["Allocated"].Metadata.Name, events["Released"].Metadata.Name);
    }

    [Fact]
    public async Task Event_refers_to_the_object_and_names_the_reporting_component()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        await using var recorder = new EventRecorder(k8s, Options());

        recorder.Record(widget, EventType.Warning, "AllocationFailed", "the pool is exhausted", "Allocate");
        await recorder.FlushAsync(ct);

        var e = Assert.Single(await EventsAsync(k8s, ct));
        Assert.Matches("^widget-1\\.[0-9a-f]+$", e.Metadata.Name);
        Assert.Equal(("Lease", "coordination.k8s.io/v1", "widget-1", "default", widget.Metadata.Uid), (e.InvolvedObject.Kind, e.InvolvedObject.ApiVersion, e.InvolvedObject.Name, e.InvolvedObject.NamespaceProperty, e.InvolvedObject.Uid));
        Assert.Equal(("Warning", "AllocationFailed", "the pool is exhausted", "Allocate"), (e.Type, e.Reason, e.Message, e.Action));
        Assert.Equal(("widget-controller", "pod-1"), (e.Source.Component, e.Source.Host));
        Assert.Equal(("widget-controller", "pod-1"), (e.ReportingComponent, e.ReportingInstance));
    }

    [Fact]
    public async Task Event_about_a_cluster_scoped_object_is_written_to_the_default_namespace()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var ns = await k8s.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a" } }, cancellationToken: ct);
        await using var recorder = new EventRecorder(k8s, Options());

        recorder.Record(ns, EventType.Normal, "Adopted", "namespace adopted");
        await recorder.FlushAsync(ct);

        var e = Assert.Single(await EventsAsync(k8s, ct));
        Assert.Equal(("Namespace", "team-a", null), (e.InvolvedObject.Kind, e.InvolvedObject.Name, e.InvolvedObject.NamespaceProperty));
    }

    [Fact]
    public async Task Repeat_after_the_aggregation_window_starts_a_new_event()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        var clock = new ManualTimeProvider(Start);
        var options = Options();
        options.AggregationWindow = TimeSpan.FromMinutes(1);
        await using var recorder = new EventRecorder(k8s, options, timeProvider: clock);

        recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        clock.Advance(TimeSpan.FromMinutes(2));
        recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        await recorder.FlushAsync(ct);

        var events = await EventsAsync(k8s, ct);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task Repeat_of_a_deleted_event_creates_it_again()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        await using var recorder = new EventRecorder(k8s, Options());
        recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        await recorder.FlushAsync(ct);
        var first = Assert.Single(await EventsAsync(k8s, ct));
        await k8s.CoreV1.DeleteNamespacedEventAsync(first.Metadata.Name, "default", cancellationToken: ct);

        recorder.Record(widget, EventType.Normal, "Allocated", "10.0.0.5 allocated");
        await recorder.FlushAsync(ct);

        var again = Assert.Single(await EventsAsync(k8s, ct));
        Assert.NotEqual(first.Metadata.Name, again.Metadata.Name);
        Assert.Equal(1, again.Count);
    }

    [Fact]
    public async Task Failed_write_drops_that_event_and_later_events_are_written()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        await using var recorder = new EventRecorder(k8s, Options());
        using (server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["create"], Resources = ["events"], Times = 1 }))
        {
            recorder.Record(widget, EventType.Warning, "Lost", "this write fails");
            await recorder.FlushAsync(ct);
        }

        recorder.Record(widget, EventType.Normal, "Kept", "this write succeeds");
        await recorder.FlushAsync(ct);

        var e = Assert.Single(await EventsAsync(k8s, ct));
        Assert.Equal("Kept", e.Reason);
    }

    [Fact]
    public async Task Full_queue_drops_events_instead_of_blocking_the_caller()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        var options = Options();
        options.QueueCapacity = 1;
        using var gate = new PostGate();
        using var gated = new Kubernetes(server.CreateClientConfiguration(), gate);
        await using var recorder = new EventRecorder(gated, options);

        recorder.Record(widget, EventType.Normal, "Reason0", "distinct events");
        await gate.Arrived.WaitAsync(ct);
        for (var i = 1; i < 20; i++)
        {
            recorder.Record(widget, EventType.Normal, $"Reason{i}", "distinct events");
        }

        gate.Open();
        await recorder.FlushAsync(ct);

        // The writer was held in its create of the first event, the queue took one more, and the other 18 calls
        // returned at once, dropping theirs.
        Assert.Equal(["Reason0", "Reason1"], (await EventsAsync(k8s, ct)).Select(e => e.Reason).Order());
    }

    [Fact]
    public async Task Record_after_dispose_neither_throws_nor_writes()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var widget = await CreateWidgetAsync(k8s, ct);
        var recorder = new EventRecorder(k8s, Options());
        await recorder.DisposeAsync();

        recorder.Record(widget, EventType.Normal, "Late", "after dispose");
        await recorder.FlushAsync(ct);

        Assert.Empty(await EventsAsync(k8s, ct));
    }
}
