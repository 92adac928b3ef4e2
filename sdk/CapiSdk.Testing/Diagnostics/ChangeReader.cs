using System.Text.Json;
using System.Threading.Channels;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Diagnostics;

/// <summary>
/// A subscription's reader: the store's events as <see cref="ResourceChange"/>s. The store hands events over under
/// its write lock, so the object's JSON is parsed here, on the reader's side, once per event for all subscribers.
/// </summary>
internal sealed class ChangeReader : ChannelReader<ResourceChange>
{
    private readonly ChannelReader<ChangeReader.Pending> _events;

    public ChangeReader(ChannelReader<Pending> events) => _events = events;

    public override Task Completion => _events.Completion;

    public override bool CanCount => _events.CanCount;

    public override int Count => _events.Count;

    public override bool TryRead(out ResourceChange item)
    {
        if (_events.TryRead(out var pending))
        {
            item = pending.Change;
            return true;
        }
        item = null!;
        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => _events.WaitToReadAsync(cancellationToken);

    /// <summary>One store event shared by every subscription; its change is made by the first reader that needs it.</summary>
    internal sealed class Pending(WatchEvent e)
    {
        private ResourceChange? _change;

        public ResourceChange Change
        {
            get
            {
                if (_change is { } made)
                {
                    return made;
                }
                using var doc = JsonDocument.Parse(e.Object.Json);
                var change = new ResourceChange(
                    e.Type switch { WatchEventType.Added => ChangeType.Added, WatchEventType.Modified => ChangeType.Modified, _ => ChangeType.Deleted },
                    e.Object.Resource, e.Object.Namespace, e.Object.Name, e.Revision, doc.RootElement.Clone());
                return Interlocked.CompareExchange(ref _change, change, null) ?? change;
            }
        }
    }
}
