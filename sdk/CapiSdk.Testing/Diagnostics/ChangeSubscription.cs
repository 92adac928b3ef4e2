using System.Threading.Channels;

namespace CapiSdk.Testing.Diagnostics;

/// <summary>Changes made after <see cref="ChangeFeed.Subscribe"/> was called. Dispose to stop receiving.</summary>
public sealed class ChangeSubscription : IDisposable
{
    private readonly Channel<ChangeReader.Pending> _channel = Channel.CreateUnbounded<ChangeReader.Pending>();
    private readonly Action<ChangeSubscription> _onDispose;

    internal ChangeSubscription(Action<ChangeSubscription> onDispose)
    {
        _onDispose = onDispose;
        Reader = new ChangeReader(_channel.Reader);
    }

    /// <summary>The changes, in order.</summary>
    public ChannelReader<ResourceChange> Reader { get; }

    /// <summary>Waits for the first change that satisfies <paramref name="predicate"/>, skipping the others.</summary>
    /// <param name="predicate">The change to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching change.</returns>
    public async Task<ResourceChange> WaitForAsync(Func<ResourceChange, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        await foreach (var change in Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (predicate(change))
            {
                return change;
            }
        }
        throw new InvalidOperationException("The change feed ended before a matching change arrived.");
    }

    internal void Publish(ChangeReader.Pending change) => _channel.Writer.TryWrite(change);

    internal void Complete() => _channel.Writer.TryComplete();

    /// <inheritdoc />
    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _onDispose(this);
    }
}
