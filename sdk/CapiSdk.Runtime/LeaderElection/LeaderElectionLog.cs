using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.LeaderElection;

/// <summary>The leader elector's log messages.</summary>
internal static partial class LeaderElectionLog
{
    [LoggerMessage(1, LogLevel.Information, "{Identity} became the leader of lease {Namespace}/{Lease}")]
    public static partial void BecameLeader(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(2, LogLevel.Warning, "{Identity} lost the leadership of lease {Namespace}/{Lease}: {Reason}")]
    public static partial void LostLeadership(ILogger logger, string identity, string @namespace, string lease, string reason);

    [LoggerMessage(3, LogLevel.Information, "{Identity} released lease {Namespace}/{Lease}")]
    public static partial void Released(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(4, LogLevel.Debug, "Attempt to acquire or renew lease {Namespace}/{Lease} failed")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string @namespace, string lease);

    [LoggerMessage(5, LogLevel.Warning, "Could not release lease {Namespace}/{Lease}; a standby takes over when it expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string @namespace, string lease);

    [LoggerMessage(6, LogLevel.Error, "The leader election loop for lease {Namespace}/{Lease} failed")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string @namespace, string lease);
}
