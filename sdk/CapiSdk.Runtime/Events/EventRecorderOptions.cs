namespace CapiSdk.Runtime.Events;

/// <summary>How <see cref="EventRecorder"/> signs, buffers and aggregates Events.</summary>
public sealed class EventRecorderOptions
{
    /// <summary>The component that reports the events: <c>source.component</c> and <c>reportingComponent</c>. Required.</summary>
    public string Component { get; set; } = "";

    /// <summary>This instance: <c>source.host</c> and <c>reportingInstance</c>. Default: the host name.</summary>
    public string Instance { get; set; } = Environment.MachineName;

    /// <summary>How many events may wait to be written; more are dropped (and logged). Default 1,000.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>A repeat within this time of the previous occurrence updates the existing Event; later ones start a new Event. Default 10 minutes.</summary>
    public TimeSpan AggregationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many distinct events are remembered for aggregation (least recently seen forgotten first). Default 4,096, as client-go.</summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>How long one write to the API server may take before the event is dropped. Default 10 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when the options are unusable.</summary>
    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Component))
        {
            throw new ArgumentException("Component is required.", nameof(Component));
        }

        if (QueueCapacity < 1 || CacheSize < 1)
        {
            throw new ArgumentException("QueueCapacity and CacheSize must be at least 1.");
        }

        if (AggregationWindow < TimeSpan.Zero || WriteTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("AggregationWindow must not be negative and WriteTimeout must be positive.");
        }
    }
}
