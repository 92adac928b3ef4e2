using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.Informers;

/// <summary>The informers' log messages.</summary>
internal static partial class InformerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Informer {Informer} synced with {Count} objects")]
    public static partial void Synced(ILogger logger, string informer, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Informer {Informer} lost its watch; listing again in {Delay}")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string informer, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "An event handler of informer {Informer} threw on {Event} of {Key}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string informer, string @event, string key);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Informer {Informer}: {Count} objects deleted while the watch was away")]
    public static partial void MissedDeletes(ILogger logger, string informer, int count);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Informer {Informer} cannot list {ApiVersion} {Plural}: the API server does not serve kind {Kind} (404 Not Found). "
        + "Install its CustomResourceDefinition {Crd} (kubectl apply -f the CRD YAML; for the CapiSdk kinds the package's crds/ folder, or CapiSdk.CapiSdkCrds.Yaml; "
        + "with CapiSdk.Testing, options.AddCrds(CapiSdkCrds.Yaml)). Retrying quietly until it is served or the cache-sync timeout.")]
    public static partial void NotServed(ILogger logger, string informer, string apiVersion, string plural, string kind, string crd);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Informer {Informer}: still not served; listing again in {Delay}")]
    public static partial void StillNotServed(ILogger logger, string informer, TimeSpan delay);
}
