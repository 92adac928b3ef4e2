using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Storage;

/// <summary>What code holding the store's write lock may do. Only handed out by <see cref="ObjectStore.Write{T}"/>.</summary>
internal sealed class StoreWriter
{
    private readonly ObjectStore _store;

    internal StoreWriter(ObjectStore store) => _store = store;

    public StoredObject? Get(string resource, string ns, string name) => _store.GetLocked(resource, ns, name);

    public IEnumerable<StoredObject> All() => _store.AllLocked();

    public IEnumerable<StoredObject> All(string resource) => _store.AllLocked(resource);

    /// <summary>Stores the object with a new resourceVersion (written into its metadata) and emits ADDED or MODIFIED.</summary>
    public StoredObject Put(string resource, JsonObject obj, bool isCreate) => _store.PutLocked(resource, obj, isCreate);

    /// <summary>Removes the object and emits DELETED with a new resourceVersion.</summary>
    public StoredObject Remove(StoredObject current, JsonObject? finalState = null) => _store.RemoveLocked(current, finalState);
}
