using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.Controllers;

/// <summary>
/// A controller: events from its informers (filtered by predicates, mapped to primary objects) queue keys,
/// and up to <see cref="MaxConcurrentReconciles"/> workers hand them to the reconciler, never one key twice
/// at once. Exceptions are logged and retried with the key's backoff. Built by <see cref="ControllerBuilder{T}"/>.
/// </summary>
/// <typeparam name="T">The primary kind.</typeparam>
public sealed class Controller<T> : IController
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IReconciler<T> _reconciler;
    private readonly Func<T, bool> _startFilter;
    private readonly IReadOnlyList<IInformer> _informers;
    private readonly WorkQueueOptions _queueOptions;
    private readonly IRuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private WorkQueue<ReconcileRequest> _queue;
    private int _running;
    private int _active;
    private bool _ranBefore;

    internal Controller(
        string name,
        SharedInformer<T> informer,
        IReconciler<T> reconciler,
        Func<T, bool> startFilter,
        IReadOnlyList<IInformer> informers,
        int maxConcurrentReconciles,
        WorkQueueOptions queueOptions,
        IRuntimeMetrics metrics,
        ILogger logger)
    {
        Name = name;
        Informer = informer;
        _reconciler = reconciler;
        _startFilter = startFilter;
        _informers = informers;
        MaxConcurrentReconciles = maxConcurrentReconciles;
        _queueOptions = queueOptions with { Name = name, Metrics = metrics };
        _time = queueOptions.TimeProvider;
        _metrics = metrics;
        _logger = logger;
        _queue = new WorkQueue<ReconcileRequest>(_queueOptions);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>How many reconciles run at once at most (never two for one key).</summary>
    public int MaxConcurrentReconciles { get; }

    /// <summary>The primary kind's shared informer: its cache is what reconcilers should read.</summary>
    public SharedInformer<T> Informer { get; }

    /// <summary>Queues a reconcile of an object, as an event would (for triggers outside the cluster).</summary>
    /// <param name="request">The object's namespace and name.</param>
    public void Enqueue(ReconcileRequest request) => Volatile.Read(ref _queue).Add(request);

    /// <inheritdoc/>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("Controller " + Name + " is already running.");
        }

        try
        {
            await Task.WhenAll(_informers.Select(i => i.WaitForSyncAsync(cancellationToken))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var queue = Volatile.Read(ref _queue);
            if (_ranBefore)
            {
                queue = new WorkQueue<ReconcileRequest>(_queueOptions);
                Volatile.Write(ref _queue, queue);
            }

            _ranBefore = true;
            foreach (var item in Informer.List())
            {
                if (_startFilter(item))
                {
                    queue.Add(ReconcileRequest.For(item));
                }
            }

            ControllerLog.Starting(_logger, Name, MaxConcurrentReconciles);
            _metrics.MaxConcurrentReconciles(Name, MaxConcurrentReconciles);
            var workers = new Task[MaxConcurrentReconciles];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(() => WorkAsync(queue, cancellationToken), CancellationToken.None);
            }

            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await queue.ShutDownAsync(drain: true, CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
            ControllerLog.Stopped(_logger, Name);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task WorkAsync(WorkQueue<ReconcileRequest> queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            var item = await queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (item.ShutDown)
            {
                return;
            }

            try
            {
                await ReconcileAsync(queue, item.Key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(item.Key);
            }
        }
    }

    private async Task ReconcileAsync(WorkQueue<ReconcileRequest> queue, ReconcileRequest request, CancellationToken cancellationToken)
    {
        _metrics.ActiveWorkers(Name, Interlocked.Increment(ref _active));
        var started = _time.GetTimestamp();
        ReconcileOutcome outcome;
        using (ControllerLog.BeginReconcile(_logger, Name, request.Namespace, request.Name))
        {
            try
            {
                var result = await _reconciler.ReconcileAsync(request, cancellationToken).ConfigureAwait(false);
                if (result.RequeueAfter is { } after)
                {
                    queue.Forget(request);
                    queue.AddAfter(request, after);
                    outcome = ReconcileOutcome.RequeueAfter;
                }
                else if (result.Requeue)
                {
                    queue.AddRateLimited(request);
                    outcome = ReconcileOutcome.Requeue;
                }
                else
                {
                    queue.Forget(request);
                    outcome = ReconcileOutcome.Success;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = ReconcileOutcome.Error;
            }
            catch (Exception exception)
            {
                ControllerLog.ReconcileFailed(_logger, exception, request.ToString());
                queue.AddRateLimited(request);
                outcome = ReconcileOutcome.Error;
            }

            var duration = _time.GetElapsedTime(started);
            ControllerLog.Reconciled(_logger, request.ToString(), outcome, duration);
            _metrics.ReconcileCompleted(Name, outcome, duration);
        }

        _metrics.ActiveWorkers(Name, Interlocked.Decrement(ref _active));
    }
}
