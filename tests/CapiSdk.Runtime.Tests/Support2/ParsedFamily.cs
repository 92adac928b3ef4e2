namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>One metric family as parse-prometheus-text-format returns it.</summary>
/// <param name="Name">The family's name.</param>
/// <param name="Help">The HELP text.</param>
/// <param name="Type">COUNTER, GAUGE, HISTOGRAM, SUMMARY or UNTYPED (from # TYPE).</param>
/// <param name="Samples">The series.</param>
internal sealed record ParsedFamily(string Name, string Help, string Type, IReadOnlyList<ParsedSample> Samples)
{
    /// <summary>The one series whose labels are exactly <paramref name="labels"/>.</summary>
    public ParsedSample Series(params (string Name, string Value)[] labels) =>
        Samples.Single(s => s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value));

    /// <summary>
    /// The buckets of a histogram family. parse-prometheus-text-format 1.1.1 folds a labelled histogram's bucket
    /// lines into one sample keyed by <c>le</c> and drops its labels, <c>_sum</c> and <c>_count</c>; so this is exact
    /// only for a family with one series, and the count is the <c>+Inf</c> bucket.
    /// </summary>
    public IReadOnlyDictionary<string, double> SingleSeriesBuckets() => Samples.Single().Buckets;
}
