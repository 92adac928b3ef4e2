namespace CapiSdk.Runtime.LeaderElection;

/// <summary>
/// How <see cref="LeaseLeaderElector"/> competes for a coordination.k8s.io/v1 Lease. The defaults are
/// client-go's and controller-runtime's: a 15 s lease, renewed every 2 s, given up when not renewed for 10 s.
/// </summary>
public sealed class LeaderElectionOptions
{
    /// <summary>The Lease's name, e.g. the controller's name. Required.</summary>
    public string LeaseName { get; set; } = "";

    /// <summary>The Lease's namespace. Default <c>default</c>; in a cluster, usually the pod's namespace.</summary>
    public string LeaseNamespace { get; set; } = "default";

    /// <summary>Who this instance is in the Lease's <c>holderIdentity</c>. Default: the host name, '_' and a new GUID.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>How long a standby waits, after it last saw the Lease change, before it takes the Lease over. Default 15 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives leadership up. Must be less than <see cref="LeaseDuration"/>. Default 10 s.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait between attempts to acquire or renew. Must be less than <see cref="RenewDeadline"/>. Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a graceful stop releases a held Lease so a standby takes over at its next retry. Default true.</summary>
    public bool ReleaseOnStop { get; set; } = true;

    /// <summary>Throws when the options cannot work together.</summary>
    /// <exception cref="ArgumentException">A name is empty or a duration is out of order.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseName))
        {
            throw new ArgumentException("LeaseName is required.", nameof(LeaseName));
        }

        if (string.IsNullOrWhiteSpace(LeaseNamespace))
        {
            throw new ArgumentException("LeaseNamespace is required.", nameof(LeaseNamespace));
        }

        if (string.IsNullOrWhiteSpace(Identity))
        {
            throw new ArgumentException("Identity is required.", nameof(Identity));
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("RetryPeriod must be positive.", nameof(RetryPeriod));
        }

        if (RenewDeadline >= LeaseDuration)
        {
            throw new ArgumentException($"RenewDeadline ({RenewDeadline}) must be less than LeaseDuration ({LeaseDuration}).", nameof(RenewDeadline));
        }

        if (RetryPeriod >= RenewDeadline)
        {
            throw new ArgumentException($"RetryPeriod ({RetryPeriod}) must be less than RenewDeadline ({RenewDeadline}).", nameof(RetryPeriod));
        }
    }
}
