namespace CapiSdk.Runtime.Metrics;

/// <summary>
/// The measurements the runtime reports: controller-runtime's standard controller, work queue and leader
/// metrics. The Prometheus implementation exports them; <see cref="NullRuntimeMetrics"/> drops them.
/// </summary>
public interface IRuntimeMetrics
{
    /// <summary>A reconcile finished.</summary>
    /// <param name="controller">The controller's name.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="duration">How long it took.</param>
    void ReconcileCompleted(string controller, ReconcileOutcome outcome, TimeSpan duration);

    /// <summary>The number of reconciles running now for a controller.</summary>
    /// <param name="controller">The controller's name.</param>
    /// <param name="count">Workers busy.</param>
    void ActiveWorkers(string controller, int count);

    /// <summary>A key was added to a queue (counted even when it was already waiting).</summary>
    /// <param name="queue">The queue's name.</param>
    void QueueAdded(string queue);

    /// <summary>The number of keys waiting in a queue.</summary>
    /// <param name="queue">The queue's name.</param>
    /// <param name="depth">Keys waiting.</param>
    void QueueDepth(string queue, int depth);

    /// <summary>A key was put back with backoff after a failure.</summary>
    /// <param name="queue">The queue's name.</param>
    void QueueRetried(string queue);

    /// <summary>How long a key waited in the queue before a worker took it.</summary>
    /// <param name="queue">The queue's name.</param>
    /// <param name="waited">The wait.</param>
    void QueueLatency(string queue, TimeSpan waited);

    /// <summary>How long a worker held a key.</summary>
    /// <param name="queue">The queue's name.</param>
    /// <param name="worked">The time.</param>
    void QueueWorkDuration(string queue, TimeSpan worked);

    /// <summary>This instance became the leader of a lease, or stopped being it.</summary>
    /// <param name="lease">The lease's name.</param>
    /// <param name="leading">True when leading.</param>
    void LeaderChanged(string lease, bool leading);

    /// <summary>A controller's configured number of workers.</summary>
    /// <param name="controller">The controller's name.</param>
    /// <param name="workers">Its MaxConcurrentReconciles.</param>
    void MaxConcurrentReconciles(string controller, int workers)
    {
    }

    /// <summary>
    /// Registers how to read a queue's in-flight work when metrics are collected: the total seconds of work in
    /// progress not yet observed by the work duration, and the age of the longest-running key.
    /// </summary>
    /// <param name="queue">The queue's name.</param>
    /// <param name="probe">Returns (unfinished work, longest running) at the moment it is called.</param>
    void RegisterQueue(string queue, Func<(TimeSpan Unfinished, TimeSpan LongestRunning)> probe)
    {
    }
}
