namespace CapiSdk.Runtime.Metrics;

/// <summary>How a reconcile ended, as the <c>result</c> label of the reconcile metrics says it.</summary>
public enum ReconcileOutcome
{
    /// <summary>Done; nothing more to do until something changes.</summary>
    Success,

    /// <summary>Threw; retried with backoff.</summary>
    Error,

    /// <summary>Asked to run again at once (with backoff).</summary>
    Requeue,

    /// <summary>Asked to run again after a delay.</summary>
    RequeueAfter,
}
