using System.Collections.Concurrent;

namespace CapiVipAllocator.Extension;

/// <summary>Completes waiters for one Cluster when the controller's Cluster cache adds or updates it.</summary>
internal sealed class ClusterCacheSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next cache change of <paramref name="namespace"/>/<paramref name="name"/>.</summary>
    public Task NextChange(string @namespace, string name) =>
        _waiters.GetOrAdd(@namespace + "/" + name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>The cache added or updated the Cluster.</summary>
    public void Changed(string? @namespace, string? name)
    {
        if (_waiters.TryRemove(@namespace + "/" + name, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
