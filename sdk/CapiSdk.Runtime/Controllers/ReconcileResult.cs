namespace CapiSdk.Runtime.Controllers;

/// <summary>What a reconcile asks for next: nothing, to run again with backoff, or to run again after a delay.</summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(bool requeue, TimeSpan? requeueAfter)
    {
        Requeue = requeue;
        RequeueAfter = requeueAfter;
    }

    /// <summary>Finished: run again only when something changes. Resets the key's backoff.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Run again soon, with the key's growing backoff (as after a failure, without logging one).</summary>
    public static ReconcileResult RequeueNow => new(true, null);

    /// <summary>True when the key is to be queued again with backoff.</summary>
    public bool Requeue { get; }

    /// <summary>When set, the key is queued again after this delay (and its backoff is reset).</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Run again after a delay, such as when waiting for something outside the cluster.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The result.</returns>
    public static ReconcileResult After(TimeSpan delay) => new(false, delay);
}
