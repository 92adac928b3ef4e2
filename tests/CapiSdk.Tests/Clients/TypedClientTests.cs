using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Testing;
using CapiSdk.Testing.Faults;
using CapiSdk.Tests.Infrastructure;
using k8s;

namespace CapiSdk.Tests.Clients;

/// <summary>The generated typed clients against a real HTTP API server (CapiSdk.Testing), through KubernetesClient.</summary>
public sealed class TypedClientTests : IAsyncLifetime
{
    /// <summary>Bounds a hang only: far longer than any of these waits takes on a busy machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private KubeApiServer _server = null!;
    private IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(o => o.WatchHistorySize = 50);
        _kubernetes = _server.CreateClient();
        _clusters = new ClusterClient(_kubernetes);
    }

    public async Task DisposeAsync()
    {
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    private static Cluster NewCluster(string name, string? label = null) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = "default", Labels = label is null ? null : new Dictionary<string, string> { ["env"] = label } },
        Spec = new ClusterSpec { Topology = new ClusterTopology { ClassRef = new ClusterTopologyClassRef { Name = "quick-start" }, Version = "v1.31.0" } },
    };

    [Fact]
    public async Task Create_then_get_returns_the_typed_object_with_server_fields_set()
    {
        var created = await _clusters.CreateAsync(NewCluster("c1"));

        var read = await _clusters.GetAsync("default", "c1");

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("quick-start", read.Spec.Topology!.ClassRef!.Name);
    }

    [Fact]
    public async Task Get_of_a_missing_object_throws_NotFound_with_the_servers_Status()
    {
        var error = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => _clusters.GetAsync("default", "missing"));

        Assert.Equal((404, "NotFound"), (error.StatusCode, error.Reason));
        Assert.Contains("missing", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_existing_name_throws_AlreadyExists()
    {
        await _clusters.CreateAsync(NewCluster("dup"));

        var error = await Assert.ThrowsAsync<KubernetesAlreadyExistsException>(() => _clusters.CreateAsync(NewCluster("dup")));

        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task Replacing_with_a_stale_resourceVersion_throws_Conflict()
    {
        var created = await _clusters.CreateAsync(NewCluster("stale"));
        var first = await _clusters.GetAsync("default", "stale");
        first.Spec.Paused = true;
        await _clusters.ReplaceAsync(first);
        created.Spec.Paused = false;

        var error = await Assert.ThrowsAsync<KubernetesConflictException>(() => _clusters.ReplaceAsync(created));

        Assert.Equal("Conflict", error.Reason);
    }

    [Fact]
    public async Task An_object_that_fails_the_schema_throws_Invalid_with_the_field_in_its_causes()
    {
        var cluster = NewCluster("bad");
        cluster.Spec.ControlPlaneEndpoint = new ClusterControlPlaneEndpoint { Host = "10.0.0.1", Port = 70000 };

        var error = await Assert.ThrowsAsync<KubernetesInvalidException>(() => _clusters.CreateAsync(cluster));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains(error.Causes, c => c.Field == "spec.controlPlaneEndpoint.port");
    }

    [Fact]
    public async Task List_filters_by_label_selector_and_ListAll_pages_through_everything()
    {
        for (var i = 0; i < 7; i++)
        {
            await _clusters.CreateAsync(NewCluster("l" + i, i % 2 == 0 ? "prod" : "dev"));
        }

        var prod = await _clusters.ListAsync("default", new ListOptions { LabelSelector = "env=prod" });
        var all = new List<Cluster>();
        await foreach (var cluster in _clusters.ListAllAsync("default", new ListOptions { Limit = 2 }))
        {
            all.Add(cluster);
        }

        Assert.Equal(new[] { "l0", "l2", "l4", "l6" }, prod.Items.Select(c => c.Metadata.Name).Order());
        Assert.Equal(7, all.Count);
        Assert.True(_server.Counters.Count("list", "clusters") >= 5, "ListAll should have read four pages of two");
    }

    [Fact]
    public async Task Watch_delivers_typed_added_modified_and_deleted_events()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var events = _clusters.WatchAsync("default", cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        var created = await _clusters.CreateAsync(NewCluster("w1"));

        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventKind.Added, "w1"), (events.Current.Type, events.Current.Object.Metadata.Name));
        created.Spec.Paused = true;
        await _clusters.ReplaceAsync(created);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(WatchEventKind.Modified, events.Current.Type);
        Assert.True(events.Current.Object.Spec.Paused);
        await _clusters.DeleteAsync("default", "w1");
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((WatchEventKind.Deleted, "w1"), (events.Current.Type, events.Current.Object.Metadata.Name));
        await events.DisposeAsync();
    }

    [Fact]
    public async Task A_watch_without_a_resourceVersion_lists_first_then_marks_the_sync_with_a_bookmark()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        await _clusters.CreateAsync(NewCluster("existing1"));
        await _clusters.CreateAsync(NewCluster("existing2"));
        var events = _clusters.WatchAsync("default", new WatchOptions { IncludeBookmarks = true }, cancel.Token).GetAsyncEnumerator(cancel.Token);

        var first = new List<string>();
        while (await events.MoveNextAsync() && events.Current.Type != WatchEventKind.Bookmark)
        {
            first.Add(events.Current.Type + ":" + events.Current.Object.Metadata.Name);
        }

        Assert.Equal(new[] { "Added:existing1", "Added:existing2" }, first.Order());
        Assert.False(string.IsNullOrEmpty(events.Current.Object.Metadata.ResourceVersion));
        Assert.Equal(1, _server.Counters.Count("list", "clusters"));
        await _clusters.CreateAsync(NewCluster("later"));
        while (await events.MoveNextAsync() && events.Current.Type == WatchEventKind.Bookmark)
        {
        }

        Assert.Equal((WatchEventKind.Added, "later"), (events.Current.Type, events.Current.Object.Metadata.Name));
        await events.DisposeAsync();
    }

    [Fact]
    public async Task Watch_resumes_after_the_stream_is_cut_without_losing_or_repeating_events()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var cut = _server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, CutWatchAfterEvents = 2, Times = 2 });
        var events = _clusters.WatchAsync("default", cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        var seen = new List<string>();

        await _clusters.CreateAsync(NewCluster("r0"));
        Assert.True(await events.MoveNextAsync());
        seen.Add(events.Current.Type + ":" + events.Current.Object.Metadata.Name);
        for (var i = 1; i < 6; i++)
        {
            await _clusters.CreateAsync(NewCluster("r" + i));
        }

        while (seen.Count < 6 && await events.MoveNextAsync())
        {
            seen.Add(events.Current.Type + ":" + events.Current.Object.Metadata.Name);
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(i => "Added:r" + i), seen);
        Assert.True(_server.Counters.Count("watch", "clusters") >= 2, "the watch should have reconnected");
        await events.DisposeAsync();
    }

    [Fact]
    public async Task Watch_from_a_resourceVersion_older_than_the_history_relists_and_reports_what_changed()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var start = await _clusters.CreateAsync(NewCluster("old"));
        for (var i = 0; i < 60; i++)
        {
            await _clusters.CreateAsync(NewCluster("filler" + i));
        }

        await _clusters.DeleteAsync("default", "old");
        var events = _clusters.WatchAsync("default", new WatchOptions { ResourceVersion = start.Metadata.ResourceVersion }, cancel.Token).GetAsyncEnumerator(cancel.Token);

        var names = new HashSet<string>();
        while (names.Count < 60 && await events.MoveNextAsync())
        {
            Assert.Equal(WatchEventKind.Added, events.Current.Type);
            names.Add(events.Current.Object.Metadata.Name);
        }

        Assert.DoesNotContain("old", names);
        Assert.Contains("filler59", names);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task A_delete_missed_while_away_arrives_after_410_even_when_the_first_relist_fails()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        await _clusters.CreateAsync(NewCluster("keep"));
        await _clusters.CreateAsync(NewCluster("gone"));
        var options = new WatchOptions { TimeoutSeconds = 1, InitialRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };
        var events = _clusters.WatchAsync("default", options, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.True(await events.MoveNextAsync());

        // The watch opens; once it has, every new watch request fails, so when the server ends this one (after
        // timeoutSeconds) the client is kept away while "gone" is deleted and the history compacted.
        var next = events.MoveNextAsync();
        await Until(() => _server.Counters.Count("watch", "clusters") >= 1, cancel.Token);
        var away = _server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Verbs = ["watch"] });

        // A request counted after the fault was added is refused (the server counts, then decides): once one is,
        // the client is away, however late this test added the fault.
        var beforeRefusal = _server.Counters.Count("watch", "clusters");
        await Until(() => _server.Counters.Count("watch", "clusters") > beforeRefusal, cancel.Token);
        await _clusters.DeleteAsync("default", "gone");
        _server.CompactHistory();
        using var failedList = _server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["list"], Times = 1 });
        away.Dispose();

        Assert.True(await next);
        Assert.Equal((WatchEventKind.Deleted, "gone"), (events.Current.Type, events.Current.Object.Metadata.Name));
        Assert.True(_server.Counters.Count("list", "clusters") >= 3, "an initial list, a failed relist and a retried one");
        await events.DisposeAsync();
    }

    private static async Task Until(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    [Fact]
    public async Task A_typed_merge_patch_changes_only_the_fields_it_sets()
    {
        var cluster = NewCluster("patched", "prod");
        cluster.Spec.Paused = false;
        await _clusters.CreateAsync(cluster);

        var patched = await _clusters.PatchAsync("default", "patched", new Cluster { Spec = new ClusterSpec { Paused = true } });

        Assert.True(patched.Spec.Paused);
        Assert.Equal("quick-start", patched.Spec.Topology!.ClassRef!.Name);
        Assert.Equal("prod", patched.Metadata.Labels["env"]);
    }

    [Fact]
    public async Task A_json_patch_with_a_failing_test_operation_is_refused()
    {
        await _clusters.CreateAsync(NewCluster("jp"));

        var error = await Assert.ThrowsAnyAsync<KubernetesApiException>(() => _clusters.PatchAsync("default", "jp", PatchFormat.Json,
            """[{"op":"test","path":"/spec/topology/version","value":"v0.0.0"},{"op":"replace","path":"/spec/paused","value":true}]"""));
        var unchanged = await _clusters.GetAsync("default", "jp");

        Assert.True(error.StatusCode is 409 or 422, error.Message);
        Assert.Null(unchanged.Spec.Paused);
    }

    [Fact]
    public async Task Server_side_apply_conflicts_with_another_manager_unless_forced()
    {
        var mine = NewCluster("ssa");
        mine.Spec.Paused = true;
        await _clusters.ApplyAsync(mine, "alice");
        var theirs = new Cluster { Metadata = new() { Name = "ssa", NamespaceProperty = "default" }, Spec = new ClusterSpec { Paused = false } };

        var conflict = await Assert.ThrowsAsync<KubernetesConflictException>(() => _clusters.ApplyAsync(theirs, "bob"));
        var forced = await _clusters.ApplyAsync(theirs, "bob", force: true);

        Assert.Contains(conflict.Causes, c => c.Field == ".spec.paused");
        Assert.False(forced.Spec.Paused);
        Assert.Contains(forced.Metadata.ManagedFields, m => m.Manager == "bob");
    }

    [Fact]
    public async Task Delete_with_a_wrong_uid_precondition_throws_Conflict_and_keeps_the_object()
    {
        await _clusters.CreateAsync(NewCluster("pre"));

        await Assert.ThrowsAsync<KubernetesConflictException>(() => _clusters.DeleteAsync("default", "pre", new DeleteOptions { PreconditionUid = "not-the-uid" }));

        Assert.Equal("pre", (await _clusters.GetAsync("default", "pre")).Metadata.Name);
    }

    [Fact]
    public async Task Delete_of_an_object_with_a_finalizer_returns_it_marked_for_deletion()
    {
        var cluster = NewCluster("fin");
        cluster.Metadata.Finalizers = new List<string> { "example.com/keep" };
        await _clusters.CreateAsync(cluster);

        var deleted = await _clusters.DeleteAsync("default", "fin", new DeleteOptions { Propagation = PropagationPolicy.Foreground });
        var gone = await _clusters.DeleteAsync("default", "dup-never-created-" + Guid.NewGuid().ToString("N")[..6]).ContinueWith(t => t.Exception?.InnerException);

        Assert.NotNull(deleted);
        Assert.NotNull(deleted!.Metadata.DeletionTimestamp);
        Assert.IsType<KubernetesNotFoundException>(gone);
    }

    [Fact]
    public async Task The_status_subresource_changes_only_status()
    {
        var created = await _clusters.CreateAsync(NewCluster("st"));
        created.Status = new ClusterStatus { Phase = "Provisioned" };
        created.Spec.Paused = true;

        var updated = await _clusters.ReplaceStatusAsync(created);

        Assert.Equal("Provisioned", updated.Status!.Phase);
        Assert.Null(updated.Spec.Paused);
    }

    [Fact]
    public async Task A_cluster_scoped_kind_gets_a_client_without_namespaces()
    {
        var pools = new GlobalInClusterIPPoolClient(_kubernetes);
        await pools.CreateAsync(new GlobalInClusterIPPool
        {
            Metadata = new() { Name = "global" },
            Spec = new GlobalInClusterIPPoolSpec { Addresses = new List<string> { "10.0.0.10-10.0.0.20" }, Prefix = 24, Gateway = "10.0.0.1" },
        });

        var read = await pools.GetAsync("global");

        Assert.Equal(24, read.Spec!.Prefix);
        Assert.False(GlobalInClusterIPPoolClient.Descriptor.Namespaced);
    }
}
