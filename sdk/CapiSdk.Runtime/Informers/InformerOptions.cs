namespace CapiSdk.Runtime.Informers;

/// <summary>How an informer lists and watches.</summary>
public sealed record InformerOptions
{
    /// <summary>The namespace to watch; null for all namespaces (and for cluster-scoped kinds).</summary>
    public string? Namespace { get; init; }

    /// <summary>A label selector limiting what is cached; null for everything.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>
    /// How often every cached object is delivered again to update handlers (old and new the same object), so
    /// controllers re-check state that drifted without an event; null or zero for never.
    /// </summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>The first wait before reconnecting after an error; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait before reconnecting.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}
