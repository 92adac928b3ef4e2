using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Tests.Support2;

namespace CapiSdk.Runtime.Tests.Metrics;

public sealed class PrometheusRuntimeMetricsTests
{
    [SkippableFact]
    public async Task Reconcile_metrics_are_scraped_as_counters_and_a_histogram_per_controller()
    {
        Skip.If(PrometheusTextParser.SkipReason is not null, PrometheusTextParser.SkipReason);
        var metrics = new PrometheusRuntimeMetrics();
        metrics.ReconcileCompleted("widgets", ReconcileOutcome.Success, TimeSpan.FromMilliseconds(250));
        metrics.ReconcileCompleted("widgets", ReconcileOutcome.Success, TimeSpan.FromMilliseconds(500));
        metrics.ReconcileCompleted("widgets", ReconcileOutcome.Error, TimeSpan.FromSeconds(2));
        metrics.ReconcileCompleted("widgets", ReconcileOutcome.RequeueAfter, TimeSpan.FromMilliseconds(125));
        metrics.ActiveWorkers("widgets", 3);

        var (_, families, text) = await MetricsScrape.ScrapeAsync(metrics, TestTimeout.Token());

        var total = families["controller_runtime_reconcile_total"];
        Assert.Equal("COUNTER", total.Type);
        Assert.Equal(2, total.Series(("controller", "widgets"), ("result", "success")).Value);
        Assert.Equal(1, total.Series(("controller", "widgets"), ("result", "error")).Value);
        Assert.Equal(1, total.Series(("controller", "widgets"), ("result", "requeue_after")).Value);
        var errors = families["controller_runtime_reconcile_errors_total"];
        Assert.Equal("COUNTER", errors.Type);
        Assert.Equal(1, errors.Series(("controller", "widgets")).Value);
        var time = families["controller_runtime_reconcile_time_seconds"];
        Assert.Equal("HISTOGRAM", time.Type);
        var buckets = time.SingleSeriesBuckets();
        Assert.Equal(0, buckets["0.1"]);
        Assert.Equal(2, buckets["0.25"]);
        Assert.Equal(3, buckets["0.5"]);
        Assert.Equal(4, buckets["+Inf"]);
        Assert.Contains("controller_runtime_reconcile_time_seconds_sum{controller=\"widgets\"} 2.875\n", text, StringComparison.Ordinal);
        Assert.Contains("controller_runtime_reconcile_time_seconds_count{controller=\"widgets\"} 4\n", text, StringComparison.Ordinal);
        var workers = families["controller_runtime_active_workers"];
        Assert.Equal("GAUGE", workers.Type);
        Assert.Equal(3, workers.Series(("controller", "widgets")).Value);
    }

    [SkippableFact]
    public async Task Work_queue_metrics_are_scraped_with_the_queue_name_label()
    {
        Skip.If(PrometheusTextParser.SkipReason is not null, PrometheusTextParser.SkipReason);
        var metrics = new PrometheusRuntimeMetrics();
        metrics.QueueAdded("widgets");
        metrics.QueueAdded("widgets");
        metrics.QueueAdded("widgets");
        metrics.QueueDepth("widgets", 2);
        metrics.QueueRetried("widgets");
        metrics.QueueLatency("widgets", TimeSpan.FromMilliseconds(5));
        metrics.QueueWorkDuration("widgets", TimeSpan.FromMilliseconds(50));
        metrics.QueueWorkDuration("widgets", TimeSpan.FromMilliseconds(70));

        var (_, families, text) = await MetricsScrape.ScrapeAsync(metrics, TestTimeout.Token());

        Assert.Equal(("GAUGE", 2.0), (families["workqueue_depth"].Type, families["workqueue_depth"].Series(("name", "widgets")).Value!.Value));
        Assert.Equal(("COUNTER", 3.0), (families["workqueue_adds_total"].Type, families["workqueue_adds_total"].Series(("name", "widgets")).Value!.Value));
        Assert.Equal(("COUNTER", 1.0), (families["workqueue_retries_total"].Type, families["workqueue_retries_total"].Series(("name", "widgets")).Value!.Value));
        var queued = families["workqueue_queue_duration_seconds"];
        Assert.Equal("HISTOGRAM", queued.Type);
        Assert.Equal(1, queued.SingleSeriesBuckets()["+Inf"]);
        Assert.Equal(0, queued.SingleSeriesBuckets()["0.001"]);
        Assert.Equal(1, queued.SingleSeriesBuckets()["0.01"]);
        Assert.Contains("workqueue_queue_duration_seconds_count{name=\"widgets\"} 1\n", text, StringComparison.Ordinal);
        var worked = families["workqueue_work_duration_seconds"];
        Assert.Equal("HISTOGRAM", worked.Type);
        Assert.Equal(0, worked.SingleSeriesBuckets()["0.01"]);
        Assert.Equal(2, worked.SingleSeriesBuckets()["0.1"]);
        Assert.Contains("workqueue_work_duration_seconds_count{name=\"widgets\"} 2\n", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Leader_status_is_a_gauge_of_one_while_leading_and_zero_after()
    {
        Skip.If(PrometheusTextParser.SkipReason is not null, PrometheusTextParser.SkipReason);
        var metrics = new PrometheusRuntimeMetrics();
        metrics.LeaderChanged("widgets-controller", leading: true);
        var (_, leading, _) = await MetricsScrape.ScrapeAsync(metrics, TestTimeout.Token());

        metrics.LeaderChanged("widgets-controller", leading: false);
        var (_, standing, _) = await MetricsScrape.ScrapeAsync(metrics, TestTimeout.Token());

        Assert.Equal("GAUGE", leading["leader_election_master_status"].Type);
        Assert.Equal(1, leading["leader_election_master_status"].Series(("name", "widgets-controller")).Value);
        Assert.Equal(0, standing["leader_election_master_status"].Series(("name", "widgets-controller")).Value);
    }

    [SkippableFact]
    public async Task Custom_metrics_from_the_factory_are_served_next_to_the_runtime_metrics()
    {
        Skip.If(PrometheusTextParser.SkipReason is not null, PrometheusTextParser.SkipReason);
        var metrics = new PrometheusRuntimeMetrics();
        var resized = metrics.Factory.CreateCounter("widgets_resized_total", "Widgets resized", ["namespace"]);
        resized.WithLabels("team-a").Inc(4);

        var (contentType, families, _) = await MetricsScrape.ScrapeAsync(metrics, TestTimeout.Token());

        Assert.StartsWith("text/plain; version=0.0.4", contentType, StringComparison.Ordinal);
        Assert.Equal("COUNTER", families["widgets_resized_total"].Type);
        Assert.Equal("Widgets resized", families["widgets_resized_total"].Help);
        Assert.Equal(4, families["widgets_resized_total"].Series(("namespace", "team-a")).Value);
    }

    [Fact]
    public async Task Two_instances_do_not_share_series()
    {
        var first = new PrometheusRuntimeMetrics();
        var second = new PrometheusRuntimeMetrics();
        first.QueueAdded("only-in-first");

        using var stream = new MemoryStream();
        await second.WriteAsync(stream, TestTimeout.Token());

        Assert.DoesNotContain("only-in-first", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }
}
