using System.Threading.Channels;

namespace CapiSdk.Runtime.Queue;

/// <summary>
/// A keyed work queue with client-go's guarantees: a key added many times while it waits is handed out once;
/// a key being processed is never handed out again until <see cref="Done"/> (an add meanwhile is remembered
/// and the key comes back after <see cref="Done"/>); per-key exponential backoff plus an overall token bucket
/// for <see cref="AddRateLimited"/>; delayed adds; and a shutdown that can wait for work in progress.
/// </summary>
/// <typeparam name="TKey">The key type, such as <see cref="ReconcileRequest"/> or <see cref="string"/>.</typeparam>
public sealed class WorkQueue<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Channel<TKey> _ready = Channel.CreateUnbounded<TKey>();
    private readonly HashSet<TKey> _dirty = [];
    private readonly Dictionary<TKey, long> _queuedAt = [];
    private readonly Dictionary<TKey, long> _processing = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly Dictionary<TKey, DelayedAdd> _delayed = [];
    private readonly WorkQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly TokenBucket _bucket;
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;
    private int _depth;

    /// <summary>Creates a queue.</summary>
    /// <param name="options">Backoff, rate limit, clock and metrics; null for controller-runtime's defaults.</param>
    public WorkQueue(WorkQueueOptions? options = null)
    {
        _options = options ?? new WorkQueueOptions();
        _time = _options.TimeProvider;
        _bucket = new TokenBucket(_options.RetriesPerSecond, _options.Burst, _time);
        _options.Metrics.RegisterQueue(_options.Name, InFlight);
    }

    /// <summary>The queue's name.</summary>
    public string Name => _options.Name;

    /// <summary>The number of keys waiting to be handed out (not counting delayed adds and keys being processed).</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _depth;
            }
        }
    }

    /// <summary>True once <see cref="ShutDownAsync"/> was called: adds are ignored and no more work is handed out.</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues a key; no effect if it is already waiting. A key being processed comes back after <see cref="Done"/>.</summary>
    /// <param name="key">The key.</param>
    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            _options.Metrics.QueueAdded(_options.Name);
            if (!_dirty.Add(key))
            {
                return;
            }

            _queuedAt[key] = _time.GetTimestamp();
            if (!_processing.ContainsKey(key))
            {
                Enqueue(key);
            }
        }
    }

    /// <summary>Queues a key after a delay. If the key is already due sooner, the sooner time stands.</summary>
    /// <param name="key">The key.</param>
    /// <param name="delay">The delay; zero or less adds at once.</param>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
            if (_delayed.TryGetValue(key, out var existing))
            {
                if (existing.Due <= due)
                {
                    return;
                }

                existing.Timer?.Dispose();
            }

            var entry = new DelayedAdd(this, key, due);
            _delayed[key] = entry;
            entry.Timer = _time.CreateTimer(static state => ((DelayedAdd)state!).Fire(), entry, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Queues a key after its backoff: the larger of the per-key delay (base delay doubled for every failure
    /// since the last <see cref="Forget"/>, capped) and the wait for a token of the overall bucket.
    /// </summary>
    /// <param name="key">The key.</param>
    public void AddRateLimited(TKey key)
    {
        int failures;
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            _failures.TryGetValue(key, out failures);
            _failures[key] = failures + 1;
        }

        var delay = Backoff(failures);
        var bucket = _bucket.Reserve();
        _options.Metrics.QueueRetried(_options.Name);
        AddAfter(key, bucket > delay ? bucket : delay);
    }

    /// <summary>Resets a key's backoff (after it was processed successfully).</summary>
    /// <param name="key">The key.</param>
    public void Forget(TKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>How many times a key was re-added with <see cref="AddRateLimited"/> since the last <see cref="Forget"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The count.</returns>
    public int Requeues(TKey key)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(key, out var count) ? count : 0;
        }
    }

    /// <summary>The per-key delay after a number of failures: base · 2^failures, capped at the maximum.</summary>
    /// <param name="failures">Failures before this one.</param>
    /// <returns>The delay.</returns>
    public TimeSpan Backoff(int failures)
    {
        var ticks = _options.BaseDelay.Ticks * Math.Pow(2, Math.Min(failures, 62));
        return ticks >= _options.MaxDelay.Ticks ? _options.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Waits for a key to process. Call <see cref="Done"/> with it when finished.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The key, or an item with <see cref="QueueItem{TKey}.ShutDown"/> set once the queue is shut down.</returns>
    public async ValueTask<QueueItem<TKey>> GetAsync(CancellationToken cancellationToken)
    {
        while (await _ready.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_lock)
            {
                if (_shuttingDown)
                {
                    break;
                }

                if (!_ready.Reader.TryRead(out var key))
                {
                    continue;
                }

                _depth--;
                _dirty.Remove(key);
                var now = _time.GetTimestamp();
                _processing[key] = now;
                if (_queuedAt.Remove(key, out var queued))
                {
                    _options.Metrics.QueueLatency(_options.Name, _time.GetElapsedTime(queued, now));
                }

                _options.Metrics.QueueDepth(_options.Name, _depth);
                return new QueueItem<TKey>(key, ShutDown: false);
            }
        }

        return new QueueItem<TKey>(default!, ShutDown: true);
    }

    /// <summary>Marks a key as processed; if it was added meanwhile, it is queued again.</summary>
    /// <param name="key">The key <see cref="GetAsync"/> handed out.</param>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            if (!_processing.Remove(key, out var started))
            {
                return;
            }

            _options.Metrics.QueueWorkDuration(_options.Name, _time.GetElapsedTime(started));
            if (_dirty.Contains(key) && !_shuttingDown)
            {
                Enqueue(key);
            }

            if (_shuttingDown && _processing.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Shuts the queue down: adds are ignored, pending delayed adds dropped, and <see cref="GetAsync"/> reports
    /// shutdown to every worker. With <paramref name="drain"/>, waits until every key handed out is <see cref="Done"/>.
    /// </summary>
    /// <param name="drain">Wait for work in progress.</param>
    /// <param name="cancellationToken">Stops waiting for the drain.</param>
    /// <returns>A task that completes when shut down (and drained).</returns>
    public Task ShutDownAsync(bool drain, CancellationToken cancellationToken)
    {
        Task wait;
        lock (_lock)
        {
            _shuttingDown = true;
            _ready.Writer.TryComplete();
            foreach (var entry in _delayed.Values)
            {
                entry.Timer?.Dispose();
            }

            _delayed.Clear();
            if (!drain || _processing.Count == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _drained.Task;
        }

        return wait.WaitAsync(cancellationToken);
    }

    private void Enqueue(TKey key)
    {
        _depth++;
        _ready.Writer.TryWrite(key);
        _options.Metrics.QueueDepth(_options.Name, _depth);
    }

    private void FireDelayed(DelayedAdd entry)
    {
        lock (_lock)
        {
            if (!_delayed.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            _delayed.Remove(entry.Key);
        }

        entry.Timer?.Dispose();
        Add(entry.Key);
    }

    /// <summary>A key waiting for its time, with the timer that adds it.</summary>
    private sealed class DelayedAdd(WorkQueue<TKey> queue, TKey key, long due)
    {
        public TKey Key { get; } = key;

        public long Due { get; } = due;

        public ITimer? Timer { get; set; }

        public void Fire() => queue.FireDelayed(this);
    }

    /// <summary>The work in progress now: its total age and the age of the oldest key being processed.</summary>
    private (TimeSpan Unfinished, TimeSpan LongestRunning) InFlight()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var total = TimeSpan.Zero;
            var longest = TimeSpan.Zero;
            foreach (var started in _processing.Values)
            {
                var running = _time.GetElapsedTime(started, now);
                total += running;
                longest = running > longest ? running : longest;
            }

            return (total, longest);
        }
    }
}
