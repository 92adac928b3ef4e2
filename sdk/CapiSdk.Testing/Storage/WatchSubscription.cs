using System.Threading.Channels;

namespace CapiSdk.Testing.Storage;

/// <summary>A live watch on the store: events for one resource, optionally one namespace, that pass a filter.</summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Action<WatchSubscription> _onDispose;

    public WatchSubscription(string resource, string? ns, Func<StoredObject, bool> filter, Action<WatchSubscription> onDispose)
    {
        Resource = resource;
        Namespace = ns;
        Filter = filter;
        _onDispose = onDispose;
    }

    public string Resource { get; }
    public string? Namespace { get; }
    public Func<StoredObject, bool> Filter { get; }
    public ChannelReader<WatchEvent> Events => _channel.Reader;

    /// <summary>Offers an event; it is queued if <see cref="Translate"/> keeps it.</summary>
    public void Offer(WatchEvent e)
    {
        if (Translate(e) is { } translated)
        {
            _channel.Writer.TryWrite(translated);
        }
    }

    /// <summary>
    /// The event as this watch sees it, or null: other resources and namespaces are dropped, and through the filter
    /// (selector) an object that leaves the selection is DELETED and one that enters it is ADDED, as the watch cache does.
    /// </summary>
    public WatchEvent? Translate(WatchEvent e)
    {
        if (e.Object.Resource != Resource || (Namespace is not null && e.Object.Namespace != Namespace))
        {
            return null;
        }
        var now = Filter(e.Object);
        var before = e.Previous is not null && Filter(e.Previous);
        return e.Type switch
        {
            WatchEventType.Added => now ? e : null,
            WatchEventType.Deleted => now ? e : null,
            _ when now && before => e,
            _ when now => e with { Type = WatchEventType.Added },
            _ when before => e with { Type = WatchEventType.Deleted },
            _ => null,
        };
    }

    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _onDispose(this);
    }
}
