using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.Events;

/// <summary>The event recorder's log messages.</summary>
internal static partial class EventRecorderLog
{
    [LoggerMessage(1, LogLevel.Warning, "Event {Reason} about {Namespace}/{Name} dropped: {Why}")]
    public static partial void Dropped(ILogger logger, string reason, string @namespace, string name, string why);

    [LoggerMessage(2, LogLevel.Warning, "Could not write event {Reason} about {Namespace}/{Name}; dropped")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string reason, string @namespace, string name);
}
