using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;
using CapiSdk.Testing.Faults;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using TestTimeout = CapiSdk.Runtime.Tests.Support2.TestTimeout;

namespace CapiSdk.Runtime.Tests.Informers;

public sealed class SharedInformerTests : IAsyncLifetime
{
    private static readonly InformerOptions Fast = new() { InitialRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(100) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Recorder<string> _events = new();
    private KubeApiServer _server = null!;
    private IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(o => o.WatchHistorySize = 8);
        _kubernetes = _server.CreateClient();
        _clusters = new ClusterClient(_kubernetes);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TestTimeout.Limit);
        _stop.Dispose();
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    private SharedInformer<Cluster> Start(InformerOptions? options = null, TimeProvider? time = null, bool run = true)
    {
        var informer = new SharedInformer<Cluster>(_clusters, options ?? Fast, timeProvider: time);
        informer.AddEventHandler(
            c => _events.Add("add " + c.Metadata.Name),
            (old, c) => _events.Add((ReferenceEquals(old, c) ? "resync " : "update ") + c.Metadata.Name),
            c => _events.Add("delete " + c.Metadata.Name + "@" + c.Metadata.ResourceVersion));
        if (run)
        {
            _running = informer.RunAsync(_stop.Token);
        }

        return informer;
    }

    private static Task WaitSyncedAsync(SharedInformer<Cluster> informer) => informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TestTimeout.Limit);

    private async Task<Cluster> LabelAsync(string name, string value) =>
        await _clusters.PatchAsync("default", name, PatchFormat.Merge, "{\"metadata\":{\"labels\":{\"step\":\"" + value + "\"}}}");

    [Fact]
    public async Task The_first_list_fills_the_cache_calls_OnAdd_and_then_HasSynced()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        await _clusters.CreateAsync(Objects.Cluster("b"));
        var refused = _server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Verbs = ["list"] });
        var informer = Start();

        // The first list is refused until the informer has asked for it: from then until the list is let through,
        // the informer cannot have synced, however quick or slow the machine is.
        await Eventually.TrueAsync(() => _server.Counters.Count("list", "clusters") >= 1, "the first list");
        Assert.False(informer.HasSynced);
        Assert.Empty(_events.Items);
        refused.Dispose();
        await WaitSyncedAsync(informer);

        Assert.True(informer.HasSynced);
        Assert.Equal(["a", "b"], informer.List().Select(c => c.Metadata.Name).Order());
        Assert.Equal(["add a", "add b"], _events.Items.Order());
        Assert.Equal("b", informer.Get("default/b")?.Metadata.Name);
        Assert.Equal("a", informer.Get("default", "a")?.Metadata.Name);
    }

    [Fact]
    public async Task Changes_arrive_as_add_update_and_delete_with_old_and_new_objects()
    {
        var informer = new SharedInformer<Cluster>(_clusters, Fast);
        var updates = new Recorder<(string Old, string New)>();
        informer.AddEventHandler(onUpdate: (old, c) => updates.Add((old.Metadata.Labels?["step"] ?? "-", c.Metadata.Labels?["step"] ?? "-")), onDelete: c => _events.Add("delete " + c.Metadata.Name));
        _running = informer.RunAsync(_stop.Token);
        await WaitSyncedAsync(informer);

        await _clusters.CreateAsync(Objects.Cluster("a"));
        await LabelAsync("a", "1");
        await LabelAsync("a", "2");
        await _clusters.DeleteAsync("default", "a");

        await _events.WaitForAsync(e => e.Contains("delete a"), what: "delete a");
        Assert.Equal([("-", "1"), ("1", "2")], updates.Items);
        Assert.Null(informer.Get("default/a"));
    }

    [Fact]
    public async Task A_cut_watch_is_resumed_from_the_last_resourceVersion_without_a_new_list()
    {
        using var cut = _server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, Verbs = ["watch"], CutWatchAfterEvents = 1, Times = 3 });
        var informer = Start();
        await WaitSyncedAsync(informer);

        for (var i = 0; i < 5; i++)
        {
            await _clusters.CreateAsync(Objects.Cluster("c" + i));
        }

        var events = await _events.WaitForAsync(e => e.Count == 5, what: "five adds");
        Assert.Equal(Enumerable.Range(0, 5).Select(i => "add c" + i), events);
        Assert.True(_server.Counters.Count("watch", "clusters") >= 4, "the watch should have been cut and resumed three times");
        Assert.Equal(1, _server.Counters.Count("list", "clusters"));
    }

    [Fact]
    public async Task An_expired_resourceVersion_relists_and_delivers_the_changes_made_while_away()
    {
        await _clusters.CreateAsync(Objects.Cluster("stays"));
        using var cut = CutTheFirstWatchAfterOneEvent();
        var informer = Start();
        await WaitSyncedAsync(informer);

        await WhileDisconnectedAsync(async () =>
        {
            await _clusters.CreateAsync(Objects.Cluster("new"));
            await ChurnPastTheHistoryAsync();
        });

        await _events.WaitForAsync(e => e.Contains("add new") && e.Count(x => x == "update stays") == 2, what: "the relisted changes");
        Assert.Equal(2, _server.Counters.Count("list", "clusters"));
        Assert.Equal("9", informer.Get("default/stays")!.Metadata.Labels["step"]);
    }

    [Fact]
    public async Task A_delete_missed_while_disconnected_is_delivered_with_the_last_known_object()
    {
        await _clusters.CreateAsync(Objects.Cluster("stays"));
        var doomed = await _clusters.CreateAsync(Objects.Cluster("doomed"));
        using var cut = CutTheFirstWatchAfterOneEvent();
        var informer = Start();
        await WaitSyncedAsync(informer);

        await WhileDisconnectedAsync(async () =>
        {
            await _clusters.DeleteAsync("default", "doomed");
            await ChurnPastTheHistoryAsync();
        });

        await _events.WaitForAsync(e => e.Any(x => x.StartsWith("delete doomed", StringComparison.Ordinal)), what: "the missed delete");
        Assert.Contains("delete doomed@" + doomed.Metadata.ResourceVersion, _events.Items);
        Assert.Null(informer.Get("default/doomed"));
        Assert.Equal(2, _server.Counters.Count("list", "clusters"));
    }

    [Fact]
    public async Task A_delete_is_not_lost_when_the_relist_after_an_expired_watch_fails()
    {
        await _clusters.CreateAsync(Objects.Cluster("stays"));
        var doomed = await _clusters.CreateAsync(Objects.Cluster("doomed"));
        using var cut = CutTheFirstWatchAfterOneEvent();
        var informer = Start();
        await WaitSyncedAsync(informer);

        await WhileDisconnectedAsync(async () =>
        {
            await _clusters.DeleteAsync("default", "doomed");
            await ChurnPastTheHistoryAsync();
            _server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["list"], Times = 1 });
        });

        await _events.WaitForAsync(e => e.Any(x => x.StartsWith("delete doomed", StringComparison.Ordinal)), what: "the missed delete");
        Assert.Contains("delete doomed@" + doomed.Metadata.ResourceVersion, _events.Items);
        Assert.Equal(3, _server.Counters.Count("list", "clusters"));
        Assert.Equal(["stays"], informer.List().Select(c => c.Metadata.Name));
    }

    [Fact]
    public async Task A_failing_list_is_retried_until_the_informer_syncs()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        using var fault = _server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["list"], Times = 3 });

        var informer = Start();
        await WaitSyncedAsync(informer);

        Assert.Equal(4, _server.Counters.Count("list", "clusters"));
        Assert.Equal(["add a"], _events.Items);
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_and_later_events_still_arrive()
    {
        var informer = new SharedInformer<Cluster>(_clusters, Fast);
        informer.AddEventHandler(onAdd: c => throw new InvalidOperationException("handler bug"));
        informer.AddEventHandler(onAdd: c => _events.Add("add " + c.Metadata.Name));
        _running = informer.RunAsync(_stop.Token);
        await WaitSyncedAsync(informer);

        await _clusters.CreateAsync(Objects.Cluster("a"));
        await _clusters.CreateAsync(Objects.Cluster("b"));

        await _events.WaitForAsync(e => e.Count == 2, what: "both adds");
    }

    [Fact]
    public async Task A_handler_added_after_sync_gets_OnAdd_for_every_cached_object()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        var informer = Start(run: true);
        await WaitSyncedAsync(informer);
        var late = new Recorder<string>();

        informer.AddEventHandler(onAdd: c => late.Add(c.Metadata.Name));

        Assert.Equal(["a"], late.Items);
    }

    [Fact]
    public async Task Resync_delivers_every_cached_object_as_an_update_of_itself()
    {
        var time = new FakeTimeProvider();
        await _clusters.CreateAsync(Objects.Cluster("a"));
        var informer = Start(Fast with { ResyncPeriod = TimeSpan.FromMinutes(1) }, time);
        await WaitSyncedAsync(informer);

        time.Advance(TimeSpan.FromMinutes(1));

        await _events.WaitForAsync(e => e.Contains("resync a"), what: "the resync");
    }

    [Fact]
    public async Task Indexes_find_objects_by_namespace_owner_label_and_a_custom_function()
    {
        var owner = await _clusters.CreateAsync(Objects.Cluster("owner"));
        var owned = Objects.Cluster("owned", labels: new Dictionary<string, string> { ["tier"] = "gold" });
        owned.SetOwnerReference(owner);
        await _clusters.CreateAsync(owned);
        var informer = Start(run: false);
        informer.AddIndexer("version", c => [c.Spec.Topology!.Version!]);
        _running = informer.RunAsync(_stop.Token);
        await WaitSyncedAsync(informer);

        Assert.Equal(2, informer.ByIndex(Indexers.ByNamespace, "default").Count);
        Assert.Equal("owned", Assert.Single(informer.ByIndex(Indexers.ByOwnerUid, owner.Metadata.Uid)).Metadata.Name);
        Assert.Equal("owned", Assert.Single(informer.ByIndex(Indexers.ByLabel, "tier=gold")).Metadata.Name);
        Assert.Equal(2, informer.ByIndex("version", "v1.31.0").Count);
        Assert.Empty(informer.ByIndex(Indexers.ByLabel, "tier=silver"));
    }

    [Fact]
    public async Task The_factory_shares_one_informer_per_kind_and_namespace()
    {
        var factory = new InformerFactory(new InformerOptions { Namespace = "default" });

        var first = factory.GetOrCreate(_clusters);
        var second = factory.GetOrCreate(new ClusterClient(_kubernetes));
        var run = factory.RunAsync(_stop.Token);
        await factory.WaitForSyncAsync(CancellationToken.None).WaitAsync(TestTimeout.Limit);

        Assert.Same(first, second);
        Assert.True(factory.HasSynced);
        Assert.Equal(1, _server.Counters.Count("list", "clusters"));
        await _stop.CancelAsync();
        await run.WaitAsync(TestTimeout.Limit);
    }

    [Fact]
    public async Task An_informer_handed_out_by_a_running_factory_starts_at_once()
    {
        await _clusters.CreateAsync(Objects.Cluster("a"));
        var factory = new InformerFactory(new InformerOptions { Namespace = "default" });
        var run = factory.RunAsync(_stop.Token);

        var informer = factory.GetOrCreate(_clusters);

        await WaitSyncedAsync(informer);
        Assert.Equal(1, informer.Count);
        await _stop.CancelAsync();
        await run.WaitAsync(TestTimeout.Limit);
    }

    /// <summary>Added before the informer starts, so its first watch request is the one cut.</summary>
    private IDisposable CutTheFirstWatchAfterOneEvent() =>
        _server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, Verbs = ["watch"], CutWatchAfterEvents = 1, Times = 1 });

    /// <summary>
    /// Once the informer's first watch (cut after one event) is open, keeps it away with 503s on watch requests,
    /// makes the event that cuts it, and runs <paramref name="changes"/> while it is refused; afterwards it comes
    /// back with a resourceVersion that has left the history.
    /// </summary>
    private async Task WhileDisconnectedAsync(Func<Task> changes)
    {
        await Eventually.TrueAsync(() => _server.Counters.Count("watch", "clusters") >= 1, "the first watch");
        using (_server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Verbs = ["watch"] }))
        {
            await LabelAsync("stays", "0");
            await _events.WaitForAsync(e => e.Contains("update stays"), what: "the last event before the cut");
            await Eventually.TrueAsync(() => _server.Counters.Count("watch", "clusters") >= 3, "the informer to be refused a watch");
            await changes();
        }
    }

    private async Task ChurnPastTheHistoryAsync()
    {
        for (var i = 1; i <= 9; i++)
        {
            await LabelAsync("stays", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
