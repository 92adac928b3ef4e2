using System.Collections.Concurrent;
using CapiSdk.IpamSimulator.Pools;
using IPAddressModel = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress;

namespace CapiSdk.IpamSimulator.Claims;

/// <summary>
/// Bridges the gap between creating an IPAddress and seeing it in the informer cache, so that the next allocation
/// from the same pool never picks the same address. The real provider waits after each create until its cache
/// shows the address; the simulator instead remembers what it created until the cache catches up, which needs no
/// wait. Allocation from one pool is serialized by <see cref="LockAsync"/>. Everything here can be rebuilt from the
/// API server: after a restart the cache alone is the truth.
/// </summary>
internal sealed class AddressLedger
{
    private readonly ConcurrentDictionary<string, (PoolKey Pool, string Address)> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PoolKey, SemaphoreSlim> _locks = new();

    /// <summary>Holds the pool's allocation lock until the returned value is disposed.</summary>
    public async Task<IDisposable> LockAsync(PoolKey pool, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(pool, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(semaphore);
    }

    /// <summary>Remembers an address the simulator just created.</summary>
    public void Created(IPAddressModel address)
    {
        if (PoolCatalog.KeyOf(address) is { } pool && address.Spec.Address is { } value)
        {
            _created[Key(address.Metadata.NamespaceProperty, address.Metadata.Name)] = (pool, value);
        }
    }

    /// <summary>The cache has seen the address (added, changed or deleted): the cache is the truth from now on.</summary>
    public void Observed(IPAddressModel address) => _created.TryRemove(Key(address.Metadata.NamespaceProperty, address.Metadata.Name), out _);

    /// <summary>The address created for the named claim that the cache does not show yet, if any.</summary>
    public string? Pending(string? @namespace, string name) => _created.TryGetValue(Key(@namespace, name), out var entry) ? entry.Address : null;

    /// <summary>Addresses created in the pool that the cache does not show yet.</summary>
    public IEnumerable<string> PendingIn(PoolKey pool) => _created.Values.Where(e => e.Pool == pool).Select(e => e.Address);

    private static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

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
