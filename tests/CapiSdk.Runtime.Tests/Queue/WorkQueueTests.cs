using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support2;
using Microsoft.Extensions.Time.Testing;

namespace CapiSdk.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private static WorkQueue<string> NewQueue(FakeTimeProvider? time = null, double retriesPerSecond = 0, int burst = 100) => new(new WorkQueueOptions
    {
        TimeProvider = time ?? new FakeTimeProvider(),
        RetriesPerSecond = retriesPerSecond,
        Burst = burst,
    });

    private static async Task<string> TakeAsync(WorkQueue<string> queue)
    {
        var item = await queue.GetAsync(CancellationToken.None).AsTask().WaitAsync(TestTimeout.Limit);
        Assert.False(item.ShutDown);
        return item.Key;
    }

    [Fact]
    public async Task A_key_added_many_times_while_waiting_is_handed_out_once()
    {
        var queue = NewQueue();
        for (var i = 0; i < 5; i++)
        {
            queue.Add("a");
        }

        queue.Add("b");

        Assert.Equal(2, queue.Depth);
        Assert.Equal("a", await TakeAsync(queue));
        Assert.Equal("b", await TakeAsync(queue));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_added_while_processing_is_held_until_Done_and_then_handed_out_once()
    {
        var queue = NewQueue();
        queue.Add("a");
        Assert.Equal("a", await TakeAsync(queue));

        queue.Add("a");
        queue.Add("a");
        var next = queue.GetAsync(CancellationToken.None).AsTask();

        Assert.False(next.IsCompleted, "the key being processed must not be handed out again before Done");
        Assert.Equal(0, queue.Depth);
        queue.Done("a");
        var item = await next.WaitAsync(TestTimeout.Limit);
        Assert.Equal("a", item.Key);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Many_workers_never_process_one_key_at_the_same_time()
    {
        var queue = NewQueue();
        var inFlight = new int[5];
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource();

        async Task WorkAsync()
        {
            while (true)
            {
                var item = await queue.GetAsync(CancellationToken.None);
                if (item.ShutDown)
                {
                    return;
                }

                var index = item.Key[0] - 'a';
                if (Interlocked.Increment(ref inFlight[index]) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Interlocked.Decrement(ref inFlight[index]);
                Interlocked.Increment(ref processed);
                queue.Done(item.Key);
            }
        }

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(WorkAsync)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                queue.Add(((char)('a' + ((i + w) % 5))).ToString());
            }
        })));
        await Support.Eventually.TrueAsync(() => queue.Depth == 0 && inFlight.All(n => n == 0), "the queue to empty");
        await queue.ShutDownAsync(drain: true, CancellationToken.None).WaitAsync(TestTimeout.Limit);
        await Task.WhenAll(workers).WaitAsync(TestTimeout.Limit);

        Assert.Equal(0, overlaps);
        Assert.True(processed >= 5, "every key should have been processed");
    }

    [Fact]
    public async Task Rate_limited_adds_back_off_5ms_doubling_per_failure()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time);
        var observed = new List<TimeSpan>();

        for (var failure = 0; failure < 5; failure++)
        {
            queue.AddRateLimited("a");
            var waited = TimeSpan.Zero;
            while (queue.Depth == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                waited += TimeSpan.FromMilliseconds(1);
                Assert.True(waited < TimeSpan.FromSeconds(1), "the key never came back");
            }

            observed.Add(waited);
            queue.Done(await TakeAsync(queue));
        }

        Assert.Equal(new[] { 5, 10, 20, 40, 80 }, observed.Select(d => (int)d.TotalMilliseconds));
        Assert.Equal(5, queue.Requeues("a"));
    }

    [Fact]
    public async Task Forget_resets_the_backoff_to_the_base_delay()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time);
        for (var failure = 0; failure < 3; failure++)
        {
            queue.AddRateLimited("a");
            time.Advance(TimeSpan.FromSeconds(1));
            queue.Done(await TakeAsync(queue));
        }

        queue.Forget("a");
        queue.AddRateLimited("a");
        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, queue.Depth);
        Assert.Equal(1, queue.Requeues("a"));
    }

    [Fact]
    public void The_backoff_is_capped_at_1000_seconds()
    {
        var queue = NewQueue();

        Assert.Equal(TimeSpan.FromMilliseconds(5), queue.Backoff(0));
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 1024), queue.Backoff(10));
        Assert.Equal(TimeSpan.FromSeconds(1000), queue.Backoff(18));
        Assert.Equal(TimeSpan.FromSeconds(1000), queue.Backoff(500));
    }

    [Fact]
    public void The_overall_bucket_delays_retries_beyond_its_burst()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time, retriesPerSecond: 10, burst: 2);

        queue.AddRateLimited("a");
        queue.AddRateLimited("b");
        queue.AddRateLimited("c");
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(2, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(94));
        Assert.Equal(2, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, queue.Depth);
    }

    [Fact]
    public void AddAfter_adds_the_key_when_its_time_comes_and_the_sooner_time_wins()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task Shutdown_with_drain_waits_for_work_in_progress_and_stops_handing_out_work()
    {
        var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        var key = await TakeAsync(queue);

        var shutdown = queue.ShutDownAsync(drain: true, CancellationToken.None);
        var next = await queue.GetAsync(CancellationToken.None).AsTask().WaitAsync(TestTimeout.Limit);
        queue.Add("c");

        Assert.True(next.ShutDown);
        Assert.False(shutdown.IsCompleted, "the drain must wait for the key in progress");
        queue.Done(key);
        await shutdown.WaitAsync(TestTimeout.Limit);
    }

    [Fact]
    public async Task A_waiting_worker_is_woken_by_shutdown()
    {
        var queue = NewQueue();
        var waiting = queue.GetAsync(CancellationToken.None).AsTask();

        await queue.ShutDownAsync(drain: false, CancellationToken.None);

        Assert.True((await waiting.WaitAsync(TestTimeout.Limit)).ShutDown);
    }
}
