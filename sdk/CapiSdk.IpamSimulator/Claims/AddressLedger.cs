using System.Collections.Concurrent;
using CapiSdk.IpamSimulator.Pools;
using IPAddressModel = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress;

namespace CapiSdk.IpamSimulator.Claims;

/// <summary>
/// Bridges the gap between choosing an address and seeing its IPAddress in the informer cache, so that no other
/// claim is given the same address meanwhile. The real provider waits after each create until its cache shows the
/// address; the simulator instead remembers each address it chose — from the moment it is chosen, before the create
/// is sent — until the cache shows the IPAddress (or its deletion). A create whose outcome is unknown (a lost
/// response) therefore keeps its address reserved for that claim, and the retry sends the same address again
/// (AlreadyExists then means it had been created). Allocation from one pool is serialized by <see cref="LockAsync"/>.
/// Nothing here is needed after a restart: then the cache, read from the API server, is the whole truth.
/// </summary>
internal sealed class AddressLedger
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PoolKey, SemaphoreSlim> _locks = new();

    /// <summary>Holds the pool's allocation lock until the returned value is disposed.</summary>
    public async Task<IDisposable> LockAsync(PoolKey pool, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(pool, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(semaphore);
    }

    /// <summary>Reserves an address for a claim, before its IPAddress is created.</summary>
    public void Reserve(string? @namespace, string name, string? claimUid, PoolKey pool, string address) =>
        _entries[Key(@namespace, name)] = new Entry(pool, address, claimUid, Created: false);

    /// <summary>The claim's IPAddress was created (the server said so).</summary>
    public void Created(string? @namespace, string name)
    {
        // When the cache has seen it already, the entry is gone and there is nothing to mark.
        var key = Key(@namespace, name);
        if (_entries.TryGetValue(key, out var entry))
        {
            _entries.TryUpdate(key, entry with { Created = true }, entry);
        }
    }

    /// <summary>The cache has seen the address (added, changed or deleted): the cache is the truth from now on.</summary>
    public void Observed(IPAddressModel address) => _entries.TryRemove(Key(address.Metadata.NamespaceProperty, address.Metadata.Name), out _);

    /// <summary>The claim is released: forget what was reserved for it.</summary>
    public void Forget(string? @namespace, string name) => _entries.TryRemove(Key(@namespace, name), out _);

    /// <summary>What is reserved for this claim (by name and UID) and not yet in the cache: the address, and whether its create succeeded.</summary>
    public (string Address, bool Created)? For(string? @namespace, string name, string? claimUid) =>
        _entries.TryGetValue(Key(@namespace, name), out var entry) && entry.ClaimUid == claimUid ? (entry.Address, entry.Created) : null;

    /// <summary>Addresses reserved in the pool that the cache does not show yet.</summary>
    public IEnumerable<string> PendingIn(PoolKey pool) => _entries.Values.Where(e => e.Pool == pool).Select(e => e.Address);

    private static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

    private sealed record Entry(PoolKey Pool, string Address, string? ClaimUid, bool Created);

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
