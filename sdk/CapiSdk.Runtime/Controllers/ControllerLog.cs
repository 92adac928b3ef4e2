using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.Controllers;

/// <summary>The controllers' log messages and the reconcile scope.</summary>
internal static partial class ControllerLog
{
    private static readonly Func<ILogger, string, string, string, IDisposable?> ReconcileScope =
        LoggerMessage.DefineScope<string, string, string>("Controller={Controller} Namespace={Namespace} Name={Name}");

    public static IDisposable? BeginReconcile(ILogger logger, string controller, string? @namespace, string name) =>
        ReconcileScope(logger, controller, @namespace ?? string.Empty, name);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Controller {Controller} starting {Workers} workers")]
    public static partial void Starting(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
    public static partial void Stopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Reconcile of {Key} failed; retrying with backoff")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Reconciled {Key}: {Outcome} in {Duration}")]
    public static partial void Reconciled(ILogger logger, string key, Metrics.ReconcileOutcome outcome, TimeSpan duration);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Mapping {Kind} {Key} to reconcile requests for {Controller} threw")]
    public static partial void MapFailed(ILogger logger, Exception exception, string kind, string key, string controller);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Waiting for {Count} informers to sync")]
    public static partial void WaitingForSync(ILogger logger, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Leading: starting {Count} controllers")]
    public static partial void Leading(ILogger logger, int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Leadership lost: controllers stopped; waiting to lead again")]
    public static partial void LeadershipLost(ILogger logger);
}
