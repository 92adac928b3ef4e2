using CapiSdk.Runtime.Metrics;

namespace CapiSdk.Runtime.Queue;

/// <summary>
/// How a <see cref="WorkQueue{TKey}"/> retries and limits: controller-runtime's defaults (per-key backoff from
/// 5 ms doubling to 1000 s, and an overall token bucket of 10 per second with a burst of 100).
/// </summary>
public sealed record WorkQueueOptions
{
    /// <summary>The queue's name in metrics and logs.</summary>
    public string Name { get; init; } = "default";

    /// <summary>The first retry delay of a key; it doubles with every further failure.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest retry delay of a key.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Overall retries per second across all keys (the token bucket's rate); zero or less turns the bucket off.</summary>
    public double RetriesPerSecond { get; init; } = 10;

    /// <summary>Retries allowed at once before <see cref="RetriesPerSecond"/> applies (the bucket's size).</summary>
    public int Burst { get; init; } = 100;

    /// <summary>The clock for delays and timings (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where queue metrics go.</summary>
    public IRuntimeMetrics Metrics { get; init; } = NullRuntimeMetrics.Instance;
}
