namespace CapiSdk.Runtime.LeaderElection;

/// <summary>What one attempt to acquire or renew the Lease found.</summary>
internal enum LeaseAttempt
{
    /// <summary>This instance holds the Lease now (acquired or renewed).</summary>
    Held,

    /// <summary>Another instance holds a Lease that has not expired.</summary>
    HeldByOther,

    /// <summary>The API server did not answer, refused the write, or a concurrent writer won.</summary>
    Failed,
}
