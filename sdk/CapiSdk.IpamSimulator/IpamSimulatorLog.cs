using Microsoft.Extensions.Logging;

namespace CapiSdk.IpamSimulator;

/// <summary>The simulator's log lines (source-generated).</summary>
internal static partial class IpamSimulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "IPAddress {Namespace}/{Name} ({Address}) allocated from {Pool}")]
    public static partial void Allocated(ILogger logger, string? @namespace, string name, string address, string pool);

    [LoggerMessage(2, LogLevel.Information, "IPAddress {Namespace}/{Name} released")]
    public static partial void Released(ILogger logger, string? @namespace, string name);

    [LoggerMessage(3, LogLevel.Warning, "IPAddressClaim {Namespace}/{Name}: {Pool} has no free address")]
    public static partial void Exhausted(ILogger logger, string? @namespace, string name, string pool);

    [LoggerMessage(4, LogLevel.Warning, "IPAddressClaim {Namespace}/{Name}: {Problem}")]
    public static partial void PoolNotReady(ILogger logger, string? @namespace, string name, string problem);

    [LoggerMessage(5, LogLevel.Information, "IPAddressClaim {Namespace}/{Name} skipped: {Why}")]
    public static partial void Skipped(ILogger logger, string? @namespace, string name, string why);

    [LoggerMessage(6, LogLevel.Warning, "IPAddress {Namespace}/{Name} of {Pool} has an address that is not an IP address: \"{Address}\"; it is counted as used and never handed out again")]
    public static partial void MalformedAddress(ILogger logger, string? @namespace, string name, string pool, string? address);

    [LoggerMessage(7, LogLevel.Information, "IPAM simulator started: serving InClusterIPPool and GlobalInClusterIPPool claims in {Scope}; Cluster pause checks {Clusters}")]
    public static partial void Started(ILogger logger, string scope, string clusters);
}
