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
}
