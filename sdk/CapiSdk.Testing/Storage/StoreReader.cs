namespace CapiSdk.Testing.Storage;

/// <summary>
/// What a write may read while it prepares, without the write lock: each read is remembered, so that
/// <see cref="ObjectStore.WriteOptimistic{T}"/> commits only if every object read is still the one stored.
/// </summary>
internal sealed class StoreReader
{
    private readonly ObjectStore _store;
    private readonly List<(string Resource, string Namespace, string Name, StoredObject? Seen)> _reads = [];

    internal StoreReader(ObjectStore store) => _store = store;

    public StoredObject? Get(string resource, string ns, string name)
    {
        var seen = _store.Get(resource, ns, name);
        _reads.Add((resource, ns, name, seen));
        return seen;
    }

    /// <summary>True when every object read is still the stored one (or still absent). Call holding the write lock.</summary>
    internal bool IsCurrentLocked() =>
        _reads.TrueForAll(r => ReferenceEquals(_store.GetLocked(r.Resource, r.Namespace, r.Name), r.Seen));
}
