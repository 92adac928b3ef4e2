namespace CapiSdk.Runtime.Metrics;

/// <summary>Metrics that go nowhere: the default when metrics are not configured, and for tests.</summary>
public sealed class NullRuntimeMetrics : IRuntimeMetrics
{
    /// <summary>The one instance.</summary>
    public static NullRuntimeMetrics Instance { get; } = new();

    /// <inheritdoc/>
    public void ReconcileCompleted(string controller, ReconcileOutcome outcome, TimeSpan duration)
    {
    }

    /// <inheritdoc/>
    public void ActiveWorkers(string controller, int count)
    {
    }

    /// <inheritdoc/>
    public void QueueAdded(string queue)
    {
    }

    /// <inheritdoc/>
    public void QueueDepth(string queue, int depth)
    {
    }

    /// <inheritdoc/>
    public void QueueRetried(string queue)
    {
    }

    /// <inheritdoc/>
    public void QueueLatency(string queue, TimeSpan waited)
    {
    }

    /// <inheritdoc/>
    public void QueueWorkDuration(string queue, TimeSpan worked)
    {
    }

    /// <inheritdoc/>
    public void LeaderChanged(string lease, bool leading)
    {
    }
}
