using System.Runtime;

namespace CapiVipAllocator.Benchmarks;

/// <summary>The garbage collector's counters at one moment: collections per generation, total pause, bytes allocated.</summary>
internal readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
{
    public static GcFigures Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));

    public static GcFigures operator -(GcFigures a, GcFigures b) =>
        new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause, a.Allocated - b.Allocated);

    /// <summary>The garbage collector this process runs with, as the runtime reports it (the harness mirrors the controller binary's settings).</summary>
    public static string Settings()
    {
        var gc = GC.GetConfigurationVariables();
        var datas = gc.TryGetValue("GCDynamicAdaptationMode", out var mode) && Convert.ToInt64(mode, System.Globalization.CultureInfo.InvariantCulture) == 1;
        return $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}" +
            (GCSettings.IsServerGC ? $", {(datas ? "dynamic adaptation (DATAS)" : "fixed heap count")}, up to {gc.GetValueOrDefault("HeapCount")} heaps" : "");
    }

    /// <summary>Counts per generation (a gen1 collection also counts as gen0, as the runtime counts them), pause, allocation per item.</summary>
    public string Describe(int items) =>
        $"{Gen0} gen0 / {Gen1} gen1 / {Gen2} gen2 collections, total pause {Pause.TotalMilliseconds:0.0} ms" +
        (Gen0 == 0 ? "" : $" ({Pause.TotalMilliseconds / Gen0:0.00} ms per collection)") +
        $", {Allocated / (double)items / 1024:0} KiB allocated per allocation (whole process)";
}
