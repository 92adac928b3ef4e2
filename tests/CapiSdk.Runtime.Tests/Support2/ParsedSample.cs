namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>One series of a parsed family: a value for counters and gauges; count, sum and buckets for histograms.</summary>
/// <param name="Labels">The series' labels.</param>
/// <param name="Value">The value (counters, gauges), else null.</param>
/// <param name="Count">The observation count (histograms), else null.</param>
/// <param name="Sum">The observation sum (histograms), else null.</param>
/// <param name="Buckets">Cumulative bucket counts by upper bound (histograms), else empty.</param>
internal sealed record ParsedSample(
    IReadOnlyDictionary<string, string> Labels,
    double? Value,
    double? Count,
    double? Sum,
    IReadOnlyDictionary<string, double> Buckets);
