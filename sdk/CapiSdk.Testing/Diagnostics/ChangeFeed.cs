using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Diagnostics;

/// <summary>The stream of every change the server makes: creates, updates, deletions, garbage collection.</summary>
public sealed class ChangeFeed
{
    private readonly object _gate = new();
    private readonly List<ChangeSubscription> _subscribers = [];

    internal ChangeFeed()
    {
    }

    /// <summary>Starts receiving every change made from now on.</summary>
    /// <returns>A subscription; dispose it when done.</returns>
    public ChangeSubscription Subscribe()
    {
        var s = new ChangeSubscription(Remove);
        lock (_gate)
        {
            _subscribers.Add(s);
        }
        return s;
    }

    internal void OnStoreEvent(WatchEvent e)
    {
        ChangeSubscription[] targets;
        lock (_gate)
        {
            if (_subscribers.Count == 0)
            {
                return;
            }
            targets = [.. _subscribers];
        }
        // Called under the store's write lock: the JSON is parsed later, by the first subscriber that reads it.
        var change = new ChangeReader.Pending(e);
        foreach (var t in targets)
        {
            t.Publish(change);
        }
    }

    internal void Complete()
    {
        lock (_gate)
        {
            foreach (var s in _subscribers)
            {
                s.Complete();
            }
        }
    }

    private void Remove(ChangeSubscription s)
    {
        lock (_gate)
        {
            _subscribers.Remove(s);
        }
    }
}
