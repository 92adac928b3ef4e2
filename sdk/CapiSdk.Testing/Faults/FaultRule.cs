namespace CapiSdk.Testing.Faults;

/// <summary>A fault to inject into matching requests, at a rate, optionally limited to verbs, resources and a number of times.</summary>
public sealed class FaultRule
{
    /// <summary>What the fault does.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>Probability in [0, 1] that a matching request is faulted. Default 1 (always).</summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>Verbs the rule applies to (get, list, watch, create, update, patch, delete, deletecollection). Empty: all verbs.</summary>
    public IReadOnlyCollection<string> Verbs { get; init; } = [];

    /// <summary>Resources the rule applies to, as plural ("widgets") or plural.group ("widgets.example.com"). Empty: all resources.</summary>
    public IReadOnlyCollection<string> Resources { get; init; } = [];

    /// <summary>How many requests to fault at most; null for no limit.</summary>
    public int? Times { get; init; }

    /// <summary>The Retry-After value sent with <see cref="FaultKind.TooManyRequests"/>. Default one second.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>For <see cref="FaultKind.CutWatch"/>: how many events the watch delivers before the connection is cut. Default 1.</summary>
    public int CutWatchAfterEvents { get; init; } = 1;
}
