using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Allocation;

/// <summary>The controller's log lines (source-generated; the Cluster is in the controller's log scope).</summary>
internal static partial class AllocatorLog
{
    [LoggerMessage(1, LogLevel.Information, "control-plane VIP assigned ip={Ip} pool={Pool}")]
    public static partial void ControlPlaneVipAssigned(ILogger logger, string ip, string pool);

    [LoggerMessage(2, LogLevel.Information, "ingress VIP assigned ip={Ip} annotation={Annotation}")]
    public static partial void IngressVipAssigned(ILogger logger, string ip, string annotation);

    [LoggerMessage(3, LogLevel.Information, "controlPlaneEndpoint not set, controller will allocate VIP: IPAddressClaim {Claim} created from {Pool}")]
    public static partial void ClaimCreated(ILogger logger, string claim, string pool);

    [LoggerMessage(4, LogLevel.Information, "IPAddressClaim {Claim} adopted")]
    public static partial void ClaimAdopted(ILogger logger, string claim);

    [LoggerMessage(5, LogLevel.Information, "IPAddressClaim {Claim} deleted: {Why}")]
    public static partial void ClaimReleased(ILogger logger, string claim, string why);

    [LoggerMessage(6, LogLevel.Warning, "{Reason}: {Message}")]
    public static partial void Problem(ILogger logger, string reason, string message);

    [LoggerMessage(10, LogLevel.Information, "{Reason}: {Message}")]
    public static partial void Waiting(ILogger logger, string reason, string message);

    [LoggerMessage(7, LogLevel.Information, "manual endpoint kept: {Message}")]
    public static partial void Manual(ILogger logger, string message);

    [LoggerMessage(8, LogLevel.Debug, "write conflicted (attempt {Attempt}); reading the Cluster again")]
    public static partial void Conflict(ILogger logger, int attempt);

    [LoggerMessage(9, LogLevel.Information, "orphaned IPAddressClaim {Namespace}/{Claim} deleted: its Cluster no longer exists")]
    public static partial void OrphanDeleted(ILogger logger, string @namespace, string claim);

    [LoggerMessage(11, LogLevel.Warning, "informers and controllers restarted in the served API versions {Versions}")]
    public static partial void Rewired(ILogger logger, string versions);
}
