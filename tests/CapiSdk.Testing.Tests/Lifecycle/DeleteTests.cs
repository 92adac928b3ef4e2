using System.Text.Json.Nodes;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CapiSdk.Testing.Tests.Lifecycle;

public sealed class DeleteTests
{
    [Fact]
    public async Task Delete_removes_the_object_and_returns_its_last_state()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var deleted = await client.DeleteWidgetAsync("w1");

        Assert.Equal("w1", (string?)deleted["metadata"]!["name"]);
        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("w1"))).Code);
    }

    [Fact]
    public async Task Delete_of_missing_object_returns_404_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.DeleteWidgetAsync("ghost"));

        Assert.Equal(404, status.Code);
        Assert.Equal("NotFound", status.Reason);
    }

    [Fact]
    public async Task Object_with_finalizers_stays_with_deletionTimestamp_until_they_are_removed()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["metadata"]!["finalizers"] = new JsonArray("example.com/cleanup");
        await client.CreateAsync(w);

        await client.DeleteWidgetAsync("w1");
        var terminating = await client.GetWidgetAsync("w1");
        await client.PatchAsync("w1", """{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch);

        Assert.NotNull(terminating["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("w1"))).Code);
    }

    [Fact]
    public async Task Terminating_object_refuses_new_finalizers()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["metadata"]!["finalizers"] = new JsonArray("a");
        await client.CreateAsync(w);
        await client.DeleteWidgetAsync("w1");

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", """{"metadata":{"finalizers":["a","b"]}}""", V1Patch.PatchType.MergePatch));

        Assert.Equal(422, status.Code);
        Assert.Equal("metadata.finalizers", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Delete_with_mismatched_uid_precondition_returns_409_Conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var status = await Widgets.FailsAsync(() => client.DeleteWidgetAsync("w1", new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } }));

        Assert.Equal(409, status.Code);
        Assert.StartsWith("Operation cannot be fulfilled on widgets.example.com \"w1\": Precondition failed: UID in precondition: not-the-uid", status.Message);
    }

    [Fact]
    public async Task Delete_with_stale_resourceVersion_precondition_returns_409_Conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        await client.PatchAsync("w1", """{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch);

        var status = await Widgets.FailsAsync(() => client.DeleteWidgetAsync("w1", new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = Widgets.Rv(created) } }));

        Assert.Equal(409, status.Code);
    }

    [Fact]
    public async Task Deletecollection_deletes_only_what_the_selector_matches()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a", labels: new JsonObject { ["drop"] = "yes" }));
        await client.CreateAsync(Widgets.New("b", labels: new JsonObject { ["drop"] = "yes" }));
        await client.CreateAsync(Widgets.New("c"));

        await client.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", labelSelector: "drop=yes", cancellationToken: TestContext.Token);

        Assert.Equal(["c"], Widgets.Names(await client.ListWidgetsAsync()));
    }

    [Fact]
    public async Task Background_deletion_garbage_collects_dependents()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CreateAsync(Widgets.New("owner"));
        await client.CreateAsync(Dependent("child", owner, block: false));
        using var changes = server.Changes.Subscribe();

        await client.DeleteWidgetAsync("owner", new V1DeleteOptions { PropagationPolicy = "Background" });
        await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Name == "child", TestContext.Token);

        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("child"))).Code);
    }

    [Fact]
    public async Task Dependent_with_another_live_owner_loses_only_the_deleted_owner_reference()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var a = await client.CreateAsync(Widgets.New("a"));
        var b = await client.CreateAsync(Widgets.New("b"));
        var child = Dependent("child", a, block: false);
        child["metadata"]!["ownerReferences"]!.AsArray().Add(OwnerRef(b, block: false));
        await client.CreateAsync(child);
        using var changes = server.Changes.Subscribe();

        await client.DeleteWidgetAsync("a");
        await changes.WaitForAsync(c => c.Type == ChangeType.Modified && c.Name == "child", TestContext.Token);
        var survivor = await client.GetWidgetAsync("child");

        Assert.Equal("b", (string?)survivor["metadata"]!["ownerReferences"]!.AsArray().Single()!["name"]);
    }

    [Fact]
    public async Task Foreground_deletion_keeps_the_owner_until_blocking_dependents_are_gone()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CreateAsync(Widgets.New("owner"));
        var child = Dependent("child", owner, block: true);
        child["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await client.CreateAsync(child);

        using var changes = server.Changes.Subscribe();

        await client.DeleteWidgetAsync("owner", new V1DeleteOptions { PropagationPolicy = "Foreground" });
        await changes.WaitForAsync(c => c.Type == ChangeType.Modified && c.Name == "child", TestContext.Token);
        var waiting = await client.GetWidgetAsync("owner");
        var childTerminating = await client.GetWidgetAsync("child");
        await client.PatchAsync("child", """{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch);
        await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Name == "owner", TestContext.Token);

        Assert.Contains("foregroundDeletion", waiting["metadata"]!["finalizers"]!.AsArray().Select(f => (string)f!));
        Assert.NotNull(childTerminating["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("owner"))).Code);
    }

    [Fact]
    public async Task Orphan_deletion_removes_the_owner_and_keeps_dependents_without_the_reference()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CreateAsync(Widgets.New("owner"));
        await client.CreateAsync(Dependent("child", owner, block: false));
        using var changes = server.Changes.Subscribe();

        await client.DeleteWidgetAsync("owner", new V1DeleteOptions { PropagationPolicy = "Orphan" });
        await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Name == "owner", TestContext.Token);
        var orphan = await client.GetWidgetAsync("child");

        Assert.Null(orphan["metadata"]!["ownerReferences"]);
        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("owner"))).Code);
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_objects_then_the_namespace()
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("doomed"));
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"), ns: "doomed");
        using var changes = server.Changes.Subscribe();

        await client.CoreV1.DeleteNamespaceAsync("doomed", cancellationToken: TestContext.Token);
        await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Resource == "namespaces" && c.Name == "doomed", TestContext.Token);

        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("w1", ns: "doomed"))).Code);
    }

    [Fact]
    public async Task By_default_dependents_go_after_the_owners_delete_returns()
    {
        // The collector waits its delay on the server's clock; a fake clock that only moves when told makes "still
        // there right after the delete" certain, however busy the machine.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.GarbageCollectionDelay = TimeSpan.FromSeconds(5);
        });
        using var client = server.CreateClient();
        var owner = await client.CreateAsync(Widgets.New("owner"));
        await client.CreateAsync(Dependent("child", owner, block: false));
        using var changes = server.Changes.Subscribe();

        await client.DeleteWidgetAsync("owner");
        var stillThere = await client.GetWidgetAsync("child");
        clock.Advance(TimeSpan.FromSeconds(5));
        var collected = await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Name == "child", TestContext.Token);

        Assert.Equal("child", (string?)stillThere["metadata"]!["name"]);
        Assert.Equal("widgets.example.com", collected.Resource);
    }

    [Fact]
    public async Task Dependents_of_an_owner_held_by_a_finalizer_stay_until_the_owner_is_really_gone()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var o = Widgets.New("owner");
        o["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        var owner = await client.CreateAsync(o);
        await client.CreateAsync(Dependent("child", owner, block: false));

        using var changes = server.Changes.Subscribe();

        await client.DeleteWidgetAsync("owner");
        var whileHeld = await client.GetWidgetAsync("child");
        await client.PatchAsync("owner", """{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch);
        await changes.WaitForAsync(c => c.Type == ChangeType.Deleted && c.Name == "child", TestContext.Token);

        Assert.Null(whileHeld["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("child"))).Code);
    }

    [Fact]
    public async Task With_synchronous_collection_dependents_are_gone_when_the_owners_delete_returns()
    {
        await using var server = await TestServer.StartAsync(o => o.GarbageCollection = GarbageCollectionMode.Synchronous);
        using var client = server.CreateClient();
        var owner = await client.CreateAsync(Widgets.New("owner"));
        await client.CreateAsync(Dependent("child", owner, block: false));

        await client.DeleteWidgetAsync("owner");

        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("child"))).Code);
    }

    private static JsonObject Dependent(string name, JsonObject owner, bool block)
    {
        var w = Widgets.New(name);
        w["metadata"]!["ownerReferences"] = new JsonArray(OwnerRef(owner, block));
        return w;
    }

    private static JsonObject OwnerRef(JsonObject owner, bool block) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["name"] = (string?)owner["metadata"]!["name"],
        ["uid"] = (string?)owner["metadata"]!["uid"],
        ["blockOwnerDeletion"] = block,
    };
}
