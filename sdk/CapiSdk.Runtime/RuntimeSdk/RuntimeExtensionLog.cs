using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>Source-generated log messages of the Runtime SDK server.</summary>
internal static partial class RuntimeExtensionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Runtime extension serving {Handlers} handler(s) on {Address}")]
    public static partial void Started(ILogger logger, int handlers, Uri? address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Runtime extension handler {Handler} of hook {Hook} failed; answering Failure")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string hook);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Runtime extension request to {Path} rejected: {Reason}")]
    public static partial void BadRequest(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "TLS serving certificate {Path} reloaded; valid until {NotAfter}")]
    public static partial void CertificateReloaded(ILogger logger, string path, DateTime notAfter);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "TLS serving certificate {Path} changed but could not be read; still serving the previous one")]
    public static partial void CertificateReloadFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "CA bundle written to ExtensionConfig {Name}")]
    public static partial void CaBundleInjected(ILogger logger, string name);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Runtime extension handler {Handler} of hook {Hook} answered {Status} (retryAfterSeconds {RetryAfterSeconds})")]
    public static partial void Answered(ILogger logger, string handler, string hook, ResponseStatus status, int retryAfterSeconds);
}
