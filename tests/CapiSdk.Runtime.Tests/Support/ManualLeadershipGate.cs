using CapiSdk.Runtime.Controllers;

namespace CapiSdk.Runtime.Tests.Support;

/// <summary>A leadership gate the test opens and closes.</summary>
internal sealed class ManualLeadershipGate : ILeadershipGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource<CancellationToken> _lead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _term;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _lead.Task.WaitAsync(cancellationToken);
        }
    }

    public void Acquire()
    {
        lock (_lock)
        {
            _term = new CancellationTokenSource();
            _lead.TrySetResult(_term.Token);
        }
    }

    public void Lose()
    {
        lock (_lock)
        {
            _lead = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _term?.Cancel();
        }
    }
}
