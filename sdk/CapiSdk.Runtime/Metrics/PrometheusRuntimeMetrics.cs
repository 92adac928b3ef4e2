using Prometheus;

namespace CapiSdk.Runtime.Metrics;

/// <summary>
/// <see cref="IRuntimeMetrics"/> exported in the Prometheus text format through prometheus-net, under
/// controller-runtime's metric names. Each instance has its own <see cref="CollectorRegistry"/>, so several
/// managers (or tests) in one process never share series. Add your own metrics with <see cref="Factory"/>.
/// </summary>
public sealed class PrometheusRuntimeMetrics : IRuntimeMetrics
{
    /// <summary>The content type of <see cref="WriteAsync"/>'s output (Prometheus text format 0.0.4).</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // controller-runtime's reconcile_time_seconds buckets (pkg/internal/controller/metrics).
    private static readonly double[] ReconcileBuckets =
    [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
        1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
    ];

    // client-go's workqueue buckets: prometheus.ExponentialBuckets(10e-9, 10, 10), 10 ns to 10 s.
    private static readonly double[] QueueBuckets = Histogram.ExponentialBuckets(10e-9, 10, 10);

    private readonly Counter _reconcileTotal;
    private readonly Counter _reconcileErrors;
    private readonly Histogram _reconcileTime;
    private readonly Gauge _activeWorkers;
    private readonly Gauge _queueDepth;
    private readonly Counter _queueAdds;
    private readonly Counter _queueRetries;
    private readonly Histogram _queueDuration;
    private readonly Histogram _workDuration;
    private readonly Gauge _leaderStatus;
    private readonly Gauge _maxConcurrentReconciles;
    private readonly Gauge _unfinishedWork;
    private readonly Gauge _longestRunning;
    private readonly Dictionary<string, Func<(TimeSpan Unfinished, TimeSpan LongestRunning)>> _queueProbes = new(StringComparer.Ordinal);

    /// <summary>Creates the metrics in a new, private registry.</summary>
    public PrometheusRuntimeMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Factory = Prometheus.Metrics.WithCustomRegistry(Registry);

        _reconcileTotal = Factory.CreateCounter(
            "controller_runtime_reconcile_total",
            "Total number of reconciliations per controller",
            new CounterConfiguration { LabelNames = ["controller", "result"] });
        _reconcileErrors = Factory.CreateCounter(
            "controller_runtime_reconcile_errors_total",
            "Total number of reconciliation errors per controller",
            new CounterConfiguration { LabelNames = ["controller"] });
        _reconcileTime = Factory.CreateHistogram(
            "controller_runtime_reconcile_time_seconds",
            "Length of time per reconciliation per controller",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = ReconcileBuckets });
        _activeWorkers = Factory.CreateGauge(
            "controller_runtime_active_workers",
            "Number of currently used workers per controller",
            new GaugeConfiguration { LabelNames = ["controller"] });
        _queueDepth = Factory.CreateGauge(
            "workqueue_depth",
            "Current depth of workqueue",
            new GaugeConfiguration { LabelNames = ["name"] });
        _queueAdds = Factory.CreateCounter(
            "workqueue_adds_total",
            "Total number of adds handled by workqueue",
            new CounterConfiguration { LabelNames = ["name"] });
        _queueRetries = Factory.CreateCounter(
            "workqueue_retries_total",
            "Total number of retries handled by workqueue",
            new CounterConfiguration { LabelNames = ["name"] });
        _queueDuration = Factory.CreateHistogram(
            "workqueue_queue_duration_seconds",
            "How long in seconds an item stays in workqueue before being requested",
            new HistogramConfiguration { LabelNames = ["name"], Buckets = QueueBuckets });
        _workDuration = Factory.CreateHistogram(
            "workqueue_work_duration_seconds",
            "How long in seconds processing an item from workqueue takes",
            new HistogramConfiguration { LabelNames = ["name"], Buckets = QueueBuckets });
        _leaderStatus = Factory.CreateGauge(
            "leader_election_master_status",
            "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease.",
            new GaugeConfiguration { LabelNames = ["name"] });
        _maxConcurrentReconciles = Factory.CreateGauge(
            "controller_runtime_max_concurrent_reconciles",
            "Maximum number of concurrent reconciles per controller",
            new GaugeConfiguration { LabelNames = ["controller"] });
        _unfinishedWork = Factory.CreateGauge(
            "workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration.",
            new GaugeConfiguration { LabelNames = ["name"] });
        _longestRunning = Factory.CreateGauge(
            "workqueue_longest_running_processor_seconds",
            "How many seconds has the longest running processor for workqueue been running.",
            new GaugeConfiguration { LabelNames = ["name"] });
    }

    /// <summary>The registry holding the runtime's metrics and any created through <see cref="Factory"/>.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>
    /// Creates metrics of your own in <see cref="Registry"/>, so they are served on <c>/metrics</c> next to the
    /// runtime's: <c>metrics.Factory.CreateCounter("widgets_resized_total", "Widgets resized", ["namespace"])</c>.
    /// </summary>
    public IMetricFactory Factory { get; }

    /// <summary>Writes every metric in <see cref="Registry"/> in the Prometheus text format (<see cref="ContentType"/>).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when everything is written.</returns>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Registry.CollectAndExportAsTextAsync(destination, ExpositionFormat.PrometheusText, cancellationToken);
    }

    /// <inheritdoc/>
    public void ReconcileCompleted(string controller, ReconcileOutcome outcome, TimeSpan duration)
    {
        _reconcileTotal.WithLabels(controller, ResultLabel(outcome)).Inc();
        if (outcome == ReconcileOutcome.Error)
        {
            _reconcileErrors.WithLabels(controller).Inc();
        }

        _reconcileTime.WithLabels(controller).Observe(duration.TotalSeconds);
    }

    /// <inheritdoc/>
    public void ActiveWorkers(string controller, int count) => _activeWorkers.WithLabels(controller).Set(count);

    /// <inheritdoc/>
    public void QueueAdded(string queue) => _queueAdds.WithLabels(queue).Inc();

    /// <inheritdoc/>
    public void QueueDepth(string queue, int depth) => _queueDepth.WithLabels(queue).Set(depth);

    /// <inheritdoc/>
    public void QueueRetried(string queue) => _queueRetries.WithLabels(queue).Inc();

    /// <inheritdoc/>
    public void QueueLatency(string queue, TimeSpan waited) => _queueDuration.WithLabels(queue).Observe(waited.TotalSeconds);

    /// <inheritdoc/>
    public void QueueWorkDuration(string queue, TimeSpan worked) => _workDuration.WithLabels(queue).Observe(worked.TotalSeconds);

    /// <inheritdoc/>
    public void LeaderChanged(string lease, bool leading) => _leaderStatus.WithLabels(lease).Set(leading ? 1 : 0);

    private static string ResultLabel(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Success => "success",
        ReconcileOutcome.Error => "error",
        ReconcileOutcome.Requeue => "requeue",
        ReconcileOutcome.RequeueAfter => "requeue_after",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc/>
    public void MaxConcurrentReconciles(string controller, int workers) => _maxConcurrentReconciles.WithLabels(controller).Set(workers);

    /// <inheritdoc/>
    /// <remarks>
    /// A queue registered again under the same name (a controller rebuilt in the same process) replaces the earlier
    /// probe, so the gauges follow the new queue and the old one is not kept alive by the registry.
    /// </remarks>
    public void RegisterQueue(string queue, Func<(TimeSpan Unfinished, TimeSpan LongestRunning)> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        lock (_queueProbes)
        {
            var first = !_queueProbes.ContainsKey(queue);
            _queueProbes[queue] = probe;
            if (!first)
            {
                return;
            }
        }

        var unfinished = _unfinishedWork.WithLabels(queue);
        var longest = _longestRunning.WithLabels(queue);
        Registry.AddBeforeCollectCallback(() =>
        {
            Func<(TimeSpan Unfinished, TimeSpan LongestRunning)> current;
            lock (_queueProbes)
            {
                current = _queueProbes[queue];
            }

            var (work, running) = current();
            unfinished.Set(work.TotalSeconds);
            longest.Set(running.TotalSeconds);
        });
    }
}
