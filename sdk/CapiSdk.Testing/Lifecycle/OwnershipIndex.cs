using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>
/// What the garbage collector needs without scanning the store: which uids exist, each owner's dependents, and the
/// objects whose state may call for collection since it last looked (written, or an owner, dependent or namespace
/// content changed or went away). Fed by every store event under the write lock; read by the collector under it too.
/// </summary>
internal sealed class OwnershipIndex
{
    private readonly Dictionary<string, ObjectKey> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependents = new(StringComparer.Ordinal);
    private readonly Queue<ObjectKey> _dirty = new();
    private readonly HashSet<ObjectKey> _queued = [];

    /// <summary>True when an object with this uid exists.</summary>
    public bool Exists(string uid) => _byUid.ContainsKey(uid);

    /// <summary>The objects naming <paramref name="uid"/> in their ownerReferences now, in a stable order.</summary>
    public IEnumerable<StoredObject> Dependents(StoreWriter w, string uid)
    {
        if (!_dependents.TryGetValue(uid, out var keys))
        {
            return [];
        }
        return keys.Order().Select(k => w.Get(k.Resource, k.Namespace, k.Name)).OfType<StoredObject>()
            .Where(d => d.Owners.Any(r => r.Uid == uid)).ToList();
    }

    /// <summary>Takes the next object to look at, if any.</summary>
    public bool TryTakeDirty(out ObjectKey key)
    {
        if (_dirty.TryDequeue(out key))
        {
            _queued.Remove(key);
            return true;
        }
        return false;
    }

    public void OnStoreEvent(WatchEvent e)
    {
        var o = e.Object;
        if (e.Previous is { } previous)
        {
            Unlink(previous);
            MarkOwners(previous);
        }
        if (e.Type == WatchEventType.Deleted)
        {
            Unlink(o);
            MarkOwners(o);
            if (_dependents.TryGetValue(o.Uid, out var orphans))
            {
                foreach (var d in orphans.Order())
                {
                    Mark(d);
                }
            }
            if (o.Namespace.Length > 0)
            {
                Mark(new ObjectKey(BuiltInResources.Namespaces.Key, "", o.Namespace));
            }
            return;
        }
        var key = ObjectKey.Of(o);
        if (o.Namespace.Length > 0)
        {
            // A terminating namespace empties itself of what it holds (the collector checks it is terminating).
            Mark(new ObjectKey(BuiltInResources.Namespaces.Key, "", o.Namespace));
        }
        if (o.Uid.Length > 0)
        {
            _byUid[o.Uid] = key;
        }
        foreach (var owner in o.Owners)
        {
            if (!_dependents.TryGetValue(owner.Uid, out var set))
            {
                set = [];
                _dependents[owner.Uid] = set;
            }
            set.Add(key);
        }
        MarkOwners(o);
        if (o.IsDeleting || o.Owners.Count > 0)
        {
            Mark(key);
        }
    }

    private void Unlink(StoredObject o)
    {
        var key = ObjectKey.Of(o);
        if (o.Uid.Length > 0 && _byUid.TryGetValue(o.Uid, out var current) && current == key)
        {
            _byUid.Remove(o.Uid);
        }
        foreach (var owner in o.Owners)
        {
            if (_dependents.TryGetValue(owner.Uid, out var set) && set.Remove(key) && set.Count == 0)
            {
                _dependents.Remove(owner.Uid);
            }
        }
    }

    /// <summary>An owner waiting for its dependents (foreground deletion) may go on when one of them changes.</summary>
    private void MarkOwners(StoredObject o)
    {
        foreach (var owner in o.Owners)
        {
            if (_byUid.TryGetValue(owner.Uid, out var ownerKey))
            {
                Mark(ownerKey);
            }
        }
    }

    private void Mark(ObjectKey key)
    {
        if (_queued.Add(key))
        {
            _dirty.Enqueue(key);
        }
    }
}
