using Microsoft.Extensions.Logging;

namespace CapiSdk.IpamSimulator;

/// <summary>Settings of an <see cref="IpamSimulator"/>.</summary>
public sealed class IpamSimulatorOptions
{
    /// <summary>The namespace whose claims (and InClusterIPPools) are served; null (the default) serves all namespaces.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// How long each allocation takes before the address is chosen, to simulate a slow provider (the real one
    /// answers in milliseconds; zero, the default, adds nothing). Claims are delayed in parallel, up to
    /// <see cref="MaxConcurrentReconciles"/> at once.
    /// </summary>
    public TimeSpan AllocationLatency { get; set; }

    /// <summary>Claims reconciled at once (default 4). Allocation from one pool is serialized whatever this is.</summary>
    public int MaxConcurrentReconciles { get; set; } = 4;

    /// <summary>Write core/v1 Events (such as <c>InvalidPool</c> on a pool whose spec cannot be used); default true.</summary>
    public bool RecordEvents { get; set; } = true;

    /// <summary>The component name on those Events (default <c>ipam-simulator</c>).</summary>
    public string EventComponent { get; set; } = "ipam-simulator";

    /// <summary>Where the simulator logs (allocations, releases, exhaustion, skipped claims); null logs nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for condition times and <see cref="AllocationLatency"/> (default the system clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (MaxConcurrentReconciles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentReconciles), MaxConcurrentReconciles, "IpamSimulatorOptions.MaxConcurrentReconciles must be at least 1.");
        }

        if (AllocationLatency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AllocationLatency), AllocationLatency, "IpamSimulatorOptions.AllocationLatency must not be negative.");
        }

        if (RecordEvents && string.IsNullOrWhiteSpace(EventComponent))
        {
            throw new ArgumentException("IpamSimulatorOptions.EventComponent must be set when RecordEvents is true.", nameof(EventComponent));
        }
    }
}
