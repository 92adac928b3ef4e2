namespace CapiSdk.Runtime.Events;

/// <summary>The Event object that repeats of one <see cref="EventKey"/> update, as the writer last wrote it.</summary>
internal sealed class AggregatedEvent(string name, string @namespace, DateTime firstTimestamp)
{
    public string Name { get; } = name;

    public string Namespace { get; } = @namespace;

    public DateTime FirstTimestamp { get; } = firstTimestamp;

    public int Count { get; set; } = 1;

    public DateTime LastTimestamp { get; set; } = firstTimestamp;
}
