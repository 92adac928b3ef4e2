using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>
/// Deletes dependents whose owners are gone, honours the foregroundDeletion and orphan finalizers, empties
/// terminating namespaces, and removes objects whose last finalizer is gone; repeats until nothing changes.
/// It looks only at objects whose state may have changed since it last looked (<see cref="OwnershipIndex"/>), so a
/// write costs the same with ten objects stored or ten thousand.
/// Asynchronously (the default) it runs later in its own write, as the real garbage collector and namespace
/// controller do; synchronously it runs inside the write that triggered it.
/// </summary>
internal sealed class GarbageCollector
{
    private readonly ResourceRegistry _registry;
    private readonly ObjectStore _store;
    private readonly GarbageCollectionMode _mode;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _clock;
    private readonly CancellationToken _stopping;
    private readonly OwnershipIndex _index = new();
    private ObjectDeleter? _deleter;
    private int _scheduled;

    public GarbageCollector(ResourceRegistry registry, ObjectStore store, GarbageCollectionMode mode, TimeSpan delay, TimeProvider clock, CancellationToken stopping)
    {
        _mode = mode;
        _registry = registry;
        _store = store;
        _delay = delay;
        _clock = clock;
        _stopping = stopping;
        store.AddListener(_index.OnStoreEvent);
    }

    public void Attach(ObjectDeleter deleter) => _deleter = deleter;

    /// <summary>Called by writers holding the lock after a change that may leave garbage.</summary>
    public void Run(StoreWriter w)
    {
        if (_mode == GarbageCollectionMode.Synchronous)
        {
            RunNow(w);
            return;
        }
        if (Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                if (_delay > TimeSpan.Zero)
                {
                    await Task.Delay(_delay, _clock, _stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Exchange(ref _scheduled, 0);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            _store.Write(writer =>
            {
                RunNow(writer);
                return 0;
            });
        }, CancellationToken.None);
    }

    private void RunNow(StoreWriter w)
    {
        for (var step = 0; step < 1_000_000 && _index.TryTakeDirty(out var key); step++)
        {
            if (w.Get(key.Resource, key.Namespace, key.Name) is { } obj)
            {
                Collect(w, obj);
            }
        }
    }

    private void Collect(StoreWriter w, StoredObject obj)
    {
        if (obj.IsDeleting)
        {
            Finalize(w, obj);
            return;
        }
        if (obj.Owners.Count == 0)
        {
            return;
        }
        var missing = obj.Owners.Where(r => !_index.Exists(r.Uid)).ToList();
        if (missing.Count == obj.Owners.Count)
        {
            _deleter!.MarkOrRemove(w, _registry.FindByKey(obj.Resource), obj, "Background");
        }
        else if (missing.Count > 0)
        {
            RemoveOwnerRefs(w, obj, missing.Select(m => m.Uid).ToHashSet());
        }
    }

    private void Finalize(StoreWriter w, StoredObject obj)
    {
        var node = obj.ToNode();
        var finalizers = ObjectRules.Finalizers(node);
        var dependents = _index.Dependents(w, obj.Uid).ToList();
        if (obj.Resource == BuiltInResources.Namespaces.Key)
        {
            var contents = w.All().Where(o => o.Namespace == obj.Name).ToList();
            var started = false;
            foreach (var c in contents.Where(c => !c.IsDeleting))
            {
                _deleter!.MarkOrRemove(w, _registry.FindByKey(c.Resource), c, "Background");
                started = true;
            }
            if (!started && contents.Count == 0 && finalizers.Count == 0)
            {
                w.Remove(obj);
            }
            return;
        }
        if (finalizers.Contains("orphan"))
        {
            foreach (var d in dependents)
            {
                RemoveOwnerRefs(w, d, [obj.Uid]);
            }
            finalizers.Remove("orphan");
            Save(w, obj, node, finalizers);
            return;
        }
        if (finalizers.Contains("foregroundDeletion"))
        {
            var changed = false;
            foreach (var d in dependents.Where(d => !d.IsDeleting))
            {
                var blocking = d.Owners.Any(r => r.Uid == obj.Uid && r.BlockOwnerDeletion);
                _deleter!.MarkOrRemove(w, _registry.FindByKey(d.Resource), d, blocking ? "Foreground" : "Background");
                changed = true;
            }
            if (!changed && !dependents.Any(d => d.Owners.Any(r => r.Uid == obj.Uid && r.BlockOwnerDeletion)))
            {
                finalizers.Remove("foregroundDeletion");
                Save(w, obj, node, finalizers);
            }
            return;
        }
        if (finalizers.Count == 0)
        {
            w.Remove(obj);
        }
    }

    private static void Save(StoreWriter w, StoredObject obj, JsonObject node, List<string> finalizers)
    {
        ObjectRules.SetFinalizers(node, finalizers);
        if (finalizers.Count == 0)
        {
            w.Remove(obj, node);
        }
        else
        {
            w.Put(obj.Resource, node, isCreate: false);
        }
    }

    private static void RemoveOwnerRefs(StoreWriter w, StoredObject obj, HashSet<string> uids)
    {
        var node = obj.ToNode();
        var meta = ObjectRules.Metadata(node);
        if (meta["ownerReferences"] is JsonArray refs)
        {
            var kept = refs.OfType<JsonObject>().Where(r => !uids.Contains((string?)r["uid"] ?? "")).Select(r => (JsonNode?)r.DeepClone()).ToArray();
            meta.Remove("ownerReferences");
            if (kept.Length > 0)
            {
                meta["ownerReferences"] = new JsonArray(kept);
            }
        }
        w.Put(obj.Resource, node, isCreate: false);
    }
}
