using CapiSdk.Runtime.LeaderElection;

namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>Samples <see cref="LeaseLeaderElector.IsLeader"/> of several electors about every millisecond and remembers whether two ever led at once.</summary>
internal sealed class LeadershipSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private int _samples;
    private int _overlaps;

    public LeadershipSampler(params LeaseLeaderElector[] electors)
    {
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (electors.Count(e => e.IsLeader) > 1)
                {
                    Interlocked.Increment(ref _overlaps);
                }

                Interlocked.Increment(ref _samples);
                await Task.Delay(1);
            }
        });
    }

    /// <summary>How many times the electors were sampled.</summary>
    public int Samples => Volatile.Read(ref _samples);

    /// <summary>How many samples found more than one leader.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }

        await _sampling;
    }
}
