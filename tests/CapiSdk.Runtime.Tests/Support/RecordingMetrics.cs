using CapiSdk.Runtime.Metrics;

namespace CapiSdk.Runtime.Tests.Support;

/// <summary>Metrics kept for assertions: queue adds are counted synchronously, reconcile outcomes recorded in order.</summary>
internal sealed class RecordingMetrics : IRuntimeMetrics
{
    private int _added;
    private int _maxActive;

    public int Added => Volatile.Read(ref _added);

    public int MaxActiveWorkers => Volatile.Read(ref _maxActive);

    public Recorder<ReconcileOutcome> Completed { get; } = new();

    public void ReconcileCompleted(string controller, ReconcileOutcome outcome, TimeSpan duration) => Completed.Add(outcome);

    public void ActiveWorkers(string controller, int count)
    {
        int seen;
        while (count > (seen = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, count, seen) != seen)
        {
        }
    }

    public void QueueAdded(string queue) => Interlocked.Increment(ref _added);

    public void QueueDepth(string queue, int depth)
    {
    }

    public void QueueRetried(string queue)
    {
    }

    public void QueueLatency(string queue, TimeSpan waited)
    {
    }

    public void QueueWorkDuration(string queue, TimeSpan worked)
    {
    }

    public void LeaderChanged(string lease, bool leading)
    {
    }
}
