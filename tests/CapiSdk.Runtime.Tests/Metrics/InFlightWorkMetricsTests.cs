using System.Text;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace CapiSdk.Runtime.Tests.Metrics;

/// <summary>The in-flight work gauges client-go and controller-runtime export, read from the queue when scraped.</summary>
public sealed class InFlightWorkMetricsTests
{
    private static async Task<string> ScrapeAsync(PrometheusRuntimeMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Unfinished_work_and_the_longest_running_key_are_measured_until_Done()
    {
        var metrics = new PrometheusRuntimeMetrics();
        var clock = new FakeTimeProvider();
        var queue = new WorkQueue<string>(new WorkQueueOptions { Name = "clusters", Metrics = metrics, TimeProvider = clock });
        queue.Add("a");
        queue.Add("b");
        await queue.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        await queue.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));

        var busy = await ScrapeAsync(metrics);
        queue.Done("a");
        queue.Done("b");
        var idle = await ScrapeAsync(metrics);

        Assert.Contains("workqueue_unfinished_work_seconds{name=\"clusters\"} 4", busy, StringComparison.Ordinal);
        Assert.Contains("workqueue_longest_running_processor_seconds{name=\"clusters\"} 3", busy, StringComparison.Ordinal);
        Assert.Contains("workqueue_unfinished_work_seconds{name=\"clusters\"} 0", idle, StringComparison.Ordinal);
        Assert.Contains("workqueue_longest_running_processor_seconds{name=\"clusters\"} 0", idle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_controllers_worker_count_is_exported()
    {
        var metrics = new PrometheusRuntimeMetrics();

        metrics.MaxConcurrentReconciles("clusters", 4);

        Assert.Contains("controller_runtime_max_concurrent_reconciles{controller=\"clusters\"} 4", await ScrapeAsync(metrics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_registered_again_under_the_same_name_replaces_the_earlier_one()
    {
        var metrics = new PrometheusRuntimeMetrics();
        var earlierAsked = 0;
        metrics.RegisterQueue("clusters", () =>
        {
            earlierAsked++;
            return (TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));
        });
        metrics.RegisterQueue("clusters", () => (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var text = await ScrapeAsync(metrics);

        // A controller rebuilt in the process (served versions changed) registers its queue again: the registry must
        // not keep asking, and holding, the queue it replaced.
        Assert.Equal(0, earlierAsked);
        Assert.Contains("workqueue_unfinished_work_seconds{name=\"clusters\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_longest_running_processor_seconds{name=\"clusters\"} 1", text, StringComparison.Ordinal);
    }
}
