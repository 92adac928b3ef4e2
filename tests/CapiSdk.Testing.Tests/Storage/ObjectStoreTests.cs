using System.Text.Json.Nodes;
using CapiSdk.Testing.Storage;
using WatchEventType = CapiSdk.Testing.Storage.WatchEventType;

namespace CapiSdk.Testing.Tests.Storage;

public sealed class ObjectStoreTests
{
    private static JsonObject Obj(string name, string? label = null)
    {
        var meta = new JsonObject { ["name"] = name, ["namespace"] = "ns", ["uid"] = Guid.NewGuid().ToString() };
        if (label is not null)
        {
            meta["labels"] = new JsonObject { ["l"] = label };
        }
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Thing", ["metadata"] = meta };
    }

    [Fact]
    public void Every_write_gets_the_next_resourceVersion()
    {
        var store = new ObjectStore(100);

        var a = store.Write(w => w.Put("things", Obj("a"), isCreate: true));
        var b = store.Write(w => w.Put("things", Obj("b"), isCreate: true));
        var removed = store.Write(w => w.Remove(a));

        Assert.Equal([1L, 2L, 3L], [a.Revision, b.Revision, removed.Revision]);
        Assert.Equal(3, store.CurrentRevision);
    }

    [Fact]
    public void List_is_ordered_by_namespace_and_name()
    {
        var store = new ObjectStore(100);
        store.Write(w => w.Put("things", Obj("b"), true));
        store.Write(w => w.Put("things", Obj("a"), true));

        var (items, revision) = store.List("things", "ns");

        Assert.Equal(["a", "b"], items.Select(i => i.Name));
        Assert.Equal(2, revision);
    }

    [Fact]
    public void Watch_from_a_compacted_revision_is_refused()
    {
        var store = new ObjectStore(2);
        for (var i = 0; i < 5; i++)
        {
            store.Write(w => w.Put("things", Obj("o" + i), true));
        }

        Assert.Null(store.Watch("things", null, 1, _ => true));
        Assert.NotNull(store.Watch("things", null, 3, _ => true));
    }

    [Fact]
    public void Watch_replays_events_after_the_revision_then_streams_new_ones()
    {
        var store = new ObjectStore(100);
        store.Write(w => w.Put("things", Obj("a"), true));
        store.Write(w => w.Put("things", Obj("b"), true));

        var (sub, initial, _) = store.Watch("things", null, 1, _ => true)!.Value;
        store.Write(w => w.Put("things", Obj("c"), true));

        Assert.Equal(["b"], initial.Select(e => e.Object.Name));
        Assert.True(sub.Events.TryRead(out var live));
        Assert.Equal("c", live!.Object.Name);
        sub.Dispose();
    }

    [Fact]
    public void Filtered_watch_turns_leaving_the_selection_into_DELETED()
    {
        var store = new ObjectStore(100);
        var (sub, _, _) = store.Watch("things", null, null, o => o.Labels.GetValueOrDefault("l") == "x")!.Value;

        store.Write(w => w.Put("things", Obj("a", "x"), true));
        store.Write(w => w.Put("things", Obj("a", "y"), false));

        Assert.True(sub.Events.TryRead(out var added));
        Assert.True(sub.Events.TryRead(out var left));
        Assert.Equal(WatchEventType.Added, added!.Type);
        Assert.Equal(WatchEventType.Deleted, left!.Type);
        sub.Dispose();
    }

    [Fact]
    public void Watch_of_another_resource_sees_nothing()
    {
        var store = new ObjectStore(100);
        var (sub, _, _) = store.Watch("others", null, null, _ => true)!.Value;

        store.Write(w => w.Put("things", Obj("a"), true));

        Assert.False(sub.Events.TryRead(out _));
        sub.Dispose();
    }
}
