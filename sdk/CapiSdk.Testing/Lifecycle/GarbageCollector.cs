using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>
/// Deletes dependents whose owners are gone, honours the foregroundDeletion and orphan finalizers, empties
/// terminating namespaces, and removes objects whose last finalizer is gone; repeats until nothing changes.
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
        for (var pass = 0; pass < 10_000 && Pass(w); pass++)
        {
        }
    }

    private bool Pass(StoreWriter w)
    {
        var all = w.All().ToList();
        var candidates = all.Where(o => o.IsDeleting || o.Owners.Count > 0).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }
        var byUid = all.Where(o => o.Uid.Length > 0).ToDictionary(o => o.Uid);
        foreach (var obj in candidates)
        {
            if (w.Get(obj.Resource, obj.Namespace, obj.Name) is not { } current || current.Revision != obj.Revision)
            {
                continue;
            }
            if (obj.IsDeleting && Finalize(w, obj, all))
            {
                return true;
            }
            if (!obj.IsDeleting && obj.Owners.Count > 0)
            {
                var missing = obj.Owners.Where(r => !byUid.ContainsKey(r.Uid)).ToList();
                if (missing.Count == obj.Owners.Count)
                {
                    _deleter!.MarkOrRemove(w, _registry.FindByKey(obj.Resource), obj, "Background");
                    return true;
                }
                if (missing.Count > 0)
                {
                    RemoveOwnerRefs(w, obj, missing.Select(m => m.Uid).ToHashSet());
                    return true;
                }
            }
        }
        return false;
    }

    private bool Finalize(StoreWriter w, StoredObject obj, List<StoredObject> all)
    {
        var node = obj.ToNode();
        var finalizers = ObjectRules.Finalizers(node);
        var dependents = all.Where(d => d.Owners.Any(r => r.Uid == obj.Uid)).ToList();
        if (obj.Resource == BuiltInResources.Namespaces.Key)
        {
            var contents = all.Where(o => o.Namespace == obj.Name).ToList();
            var started = false;
            foreach (var c in contents.Where(c => !c.IsDeleting))
            {
                _deleter!.MarkOrRemove(w, _registry.FindByKey(c.Resource), c, "Background");
                started = true;
            }
            if (started)
            {
                return true;
            }
            if (contents.Count == 0 && finalizers.Count == 0)
            {
                w.Remove(obj);
                return true;
            }
            return false;
        }
        if (finalizers.Contains("orphan"))
        {
            foreach (var d in dependents)
            {
                RemoveOwnerRefs(w, d, [obj.Uid]);
            }
            finalizers.Remove("orphan");
            return Save(w, obj, node, finalizers);
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
            if (changed)
            {
                return true;
            }
            if (dependents.Any(d => d.Owners.Any(r => r.Uid == obj.Uid && r.BlockOwnerDeletion)))
            {
                return false;
            }
            finalizers.Remove("foregroundDeletion");
            return Save(w, obj, node, finalizers);
        }
        if (finalizers.Count == 0)
        {
            w.Remove(obj);
            return true;
        }
        return false;
    }

    private static bool Save(StoreWriter w, StoredObject obj, JsonObject node, List<string> finalizers)
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
        return true;
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
