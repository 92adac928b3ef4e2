using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Storage;

/// <summary>
/// The in-memory object store: objects keyed by resource, namespace and name; one global,
/// monotonically increasing resourceVersion; a bounded event history for watches.
/// All writes go through <see cref="Write{T}"/>, which holds the single write lock.
/// </summary>
internal sealed class ObjectStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _objects = new(StringComparer.Ordinal);
    private readonly WatchHistory _history;
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly List<Action<WatchEvent>> _listeners = [];
    private long _revision;

    public ObjectStore(int historySize)
    {
        _history = new WatchHistory(historySize);
        Writer = new StoreWriter(this);
    }

    private StoreWriter Writer { get; }

    public long CurrentRevision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    /// <summary>Registers a callback that sees every event, in order, under the write lock.</summary>
    public void AddListener(Action<WatchEvent> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
    }

    public StoredObject? Get(string resource, string ns, string name)
    {
        lock (_gate)
        {
            return GetLocked(resource, ns, name);
        }
    }

    /// <summary>A consistent snapshot of a resource's objects (optionally in one namespace), ordered by namespace/name.</summary>
    public (List<StoredObject> Items, long Revision) List(string resource, string? ns)
    {
        lock (_gate)
        {
            var result = new List<StoredObject>();
            if (_objects.TryGetValue(resource, out var map))
            {
                foreach (var o in map.Values)
                {
                    if (ns is null || o.Namespace == ns)
                    {
                        result.Add(o);
                    }
                }
            }
            return (result, _revision);
        }
    }

    /// <summary>
    /// The objects as they were at <paramref name="revision"/>, rebuilt by undoing the retained history; null when
    /// that revision is older than the history (410 Gone). Used for continue tokens and resourceVersionMatch=Exact.
    /// </summary>
    public List<StoredObject>? ListAt(string resource, string? ns, long revision)
    {
        lock (_gate)
        {
            if (revision > _revision || !_history.CanReplayFrom(revision))
            {
                return null;
            }
            var snapshot = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            if (_objects.TryGetValue(resource, out var map))
            {
                foreach (var (key, o) in map)
                {
                    snapshot[key] = o;
                }
            }
            foreach (var e in _history.After(revision).Reverse())
            {
                if (e.Object.Resource != resource)
                {
                    continue;
                }
                if (e.Previous is null)
                {
                    snapshot.Remove(e.Object.Key);
                }
                else
                {
                    snapshot[e.Previous.Key] = e.Previous;
                }
            }
            return snapshot.Values.Where(o => ns is null || o.Namespace == ns).ToList();
        }
    }

    public T Write<T>(Func<StoreWriter, T> action)
    {
        lock (_gate)
        {
            return action(Writer);
        }
    }

    /// <summary>
    /// A write in two steps, as the real server's storage does it (etcd3 GuaranteedUpdate): <paramref name="prepare"/>
    /// runs without the write lock (validation, defaulting, server-side apply, the expensive part), reading through a
    /// <see cref="StoreReader"/>; then, holding the lock, the commit it returned runs if every object it read is still
    /// the one stored, else it prepares again on the fresh objects. An error is final only when it came from current
    /// objects. After a few lost races it prepares under the lock, so a hot object cannot starve a writer.
    /// </summary>
    public T WriteOptimistic<T>(Func<StoreReader, Func<StoreWriter, T>> prepare)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var reader = new StoreReader(this);
            Func<StoreWriter, T> commit;
            try
            {
                commit = prepare(reader);
            }
            catch (Exception) when (!IsCurrent(reader))
            {
                continue;
            }
            lock (_gate)
            {
                if (reader.IsCurrentLocked())
                {
                    return commit(Writer);
                }
            }
        }
        return Write(w => prepare(new StoreReader(this))(w));
    }

    private bool IsCurrent(StoreReader reader)
    {
        lock (_gate)
        {
            return reader.IsCurrentLocked();
        }
    }

    /// <summary>
    /// Starts a watch. With <paramref name="fromRevision"/> null, the current objects are replayed as ADDED
    /// (like resourceVersion "" or "0"); otherwise every event after that revision is replayed.
    /// Returns null when that revision has been compacted away (410 Gone, reason Expired).
    /// </summary>
    public (WatchSubscription Subscription, List<WatchEvent> Initial, long Revision)? Watch(
        string resource, string? ns, long? fromRevision, Func<StoredObject, bool> filter)
    {
        lock (_gate)
        {
            var initial = new List<WatchEvent>();
            if (fromRevision is { } from)
            {
                if (!_history.CanReplayFrom(from))
                {
                    return null;
                }
                var sub = new WatchSubscription(resource, ns, filter, Unsubscribe);
                foreach (var e in _history.After(from))
                {
                    if (sub.Translate(e) is { } replayed)
                    {
                        initial.Add(replayed);
                    }
                }
                _subscriptions.Add(sub);
                return (sub, initial, _revision);
            }
            if (_objects.TryGetValue(resource, out var map))
            {
                foreach (var o in map.Values)
                {
                    if ((ns is null || o.Namespace == ns) && filter(o))
                    {
                        initial.Add(new WatchEvent(o.Revision, WatchEventType.Added, o, null));
                    }
                }
            }
            var subscription = new WatchSubscription(resource, ns, filter, Unsubscribe);
            _subscriptions.Add(subscription);
            return (subscription, initial, _revision);
        }
    }

    public long CompactedRevision
    {
        get
        {
            lock (_gate)
            {
                return _history.CompactedRevision;
            }
        }
    }

    /// <summary>Drops the whole event history: watches and continue tokens from any earlier version get 410 Expired.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.CompactTo(_revision);
        }
    }

    /// <summary>Ends every open watch (used on shutdown).</summary>
    public void CompleteAllWatches()
    {
        lock (_gate)
        {
            foreach (var s in _subscriptions)
            {
                s.Complete();
            }
        }
    }

    private void Unsubscribe(WatchSubscription s)
    {
        lock (_gate)
        {
            _subscriptions.Remove(s);
        }
    }

    internal StoredObject? GetLocked(string resource, string ns, string name) =>
        _objects.TryGetValue(resource, out var map) && map.TryGetValue(StoredObject.StoreKey(ns, name), out var o) ? o : null;

    internal IEnumerable<StoredObject> AllLocked()
    {
        foreach (var map in _objects.Values)
        {
            foreach (var o in map.Values)
            {
                yield return o;
            }
        }
    }

    internal IEnumerable<StoredObject> AllLocked(string resource) =>
        _objects.TryGetValue(resource, out var map) ? map.Values : [];

    internal StoredObject PutLocked(string resource, JsonObject obj, bool isCreate)
    {
        var rv = ++_revision;
        var meta = (JsonObject)obj["metadata"]!;
        meta["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = StoredObject.From(resource, obj, rv);
        if (!_objects.TryGetValue(resource, out var map))
        {
            map = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _objects[resource] = map;
        }
        map.TryGetValue(stored.Key, out var previous);
        map[stored.Key] = stored;
        Publish(new WatchEvent(rv, isCreate ? WatchEventType.Added : WatchEventType.Modified, stored, previous));
        return stored;
    }

    internal StoredObject RemoveLocked(StoredObject current, JsonObject? finalState)
    {
        var rv = ++_revision;
        var obj = finalState ?? current.ToNode();
        obj["metadata"]!["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var final = StoredObject.From(current.Resource, obj, rv);
        _objects[current.Resource].Remove(current.Key);
        Publish(new WatchEvent(rv, WatchEventType.Deleted, final, current));
        return final;
    }

    private void Publish(WatchEvent e)
    {
        _history.Add(e);
        foreach (var s in _subscriptions)
        {
            s.Offer(e);
        }
        foreach (var l in _listeners)
        {
            l(e);
        }
    }
}
