using CapiSdk.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.Controllers;

/// <summary>
/// Runs a process's informers and controllers: starts every informer, waits until all have synced (the
/// process is then <see cref="IsReady"/>), then, whenever the <see cref="ILeadershipGate"/> says this process
/// leads, runs every controller until leadership is lost (controllers stop at once; informers keep running)
/// or the process stops.
/// </summary>
public sealed class ControllerManager
{
    private readonly InformerFactory _informers;
    private readonly IReadOnlyList<IController> _controllers;
    private readonly ILeadershipGate _gate;
    private readonly ILogger _logger;
    private volatile bool _ready;
    private volatile bool _leading;

    /// <summary>Creates a manager.</summary>
    /// <param name="informers">The informers the controllers were built on.</param>
    /// <param name="controllers">The controllers.</param>
    /// <param name="gate">When controllers may run; null for always.</param>
    /// <param name="logger">Where to log.</param>
    public ControllerManager(InformerFactory informers, IEnumerable<IController> controllers, ILeadershipGate? gate = null, ILogger<ControllerManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(controllers);
        _informers = informers;
        _controllers = [.. controllers];
        _gate = gate ?? AlwaysLeader.Instance;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// How long informers may take to sync before <see cref="RunAsync"/> fails with a <see cref="TimeoutException"/>
    /// naming them (a missing CRD or RBAC rule otherwise waits forever); null waits forever.
    /// </summary>
    public TimeSpan? CacheSyncTimeout { get; init; }

    /// <summary>True once every informer has synced: the readiness signal.</summary>
    public bool IsReady => _ready;

    /// <summary>True while controllers run (this process leads).</summary>
    public bool IsLeading => _leading;

    /// <summary>The controllers managed.</summary>
    public IReadOnlyList<IController> Controllers => _controllers;

    /// <summary>Runs informers and controllers until cancelled, then stops controllers (waiting for reconciles in progress) and informers.</summary>
    /// <param name="cancellationToken">Stops everything.</param>
    /// <returns>A task that completes when everything stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Informers stop with the manager, also when it fails (a sync timeout must not leave them running).
        using var stopInformers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var informers = _informers.RunAsync(stopInformers.Token);
        try
        {
            ControllerLog.WaitingForSync(_logger, _informers.Informers.Count);
            await WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                var lost = await _gate.WaitForLeadershipAsync(cancellationToken).ConfigureAwait(false);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost);
                _leading = true;
                ControllerLog.Leading(_logger, _controllers.Count);
                try
                {
                    await Task.WhenAll(_controllers.Select(c => c.RunAsync(leading.Token))).ConfigureAwait(false);
                }
                finally
                {
                    _leading = false;
                }

                if (!cancellationToken.IsCancellationRequested)
                {
                    ControllerLog.LeadershipLost(_logger);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _ready = false;
            await stopInformers.CancelAsync().ConfigureAwait(false);
            await informers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        if (CacheSyncTimeout is not { } timeout)
        {
            await _informers.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var expiry = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            await _informers.WaitForSyncAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var waiting = string.Join(", ", _informers.Informers.Where(i => !i.HasSynced)
                .Select(i => i is INotServedReport { NotServed: { } missing } ? i.Name + " (" + missing + ")" : i.Name));
            throw new TimeoutException(
                "Informers did not sync within " + timeout + ": " + waiting + ". Check that their CRDs are installed and that this identity may list and watch them.");
        }
    }
}
