using System.Diagnostics;
using System.Globalization;
using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Testing;
using CapiVipAllocator.Benchmarks;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Hosting;
using Microsoft.Extensions.Logging;

// dotnet run -c Release --project tests/CapiVipAllocator.Benchmarks [-- --samples 300 --burst 1000 --cached 10000 --workers 4 --stages --allocations]
if (RuntimeConfigMirror.Difference() is { } difference)
{
    Console.Error.WriteLine("capi-vip-allocator harness: " + difference);
    return 2;
}

var samples = Arg("--samples", 300);
var burst = Arg("--burst", 1000);
var cachedCount = Arg("--cached", 10_000);
var workers = Arg("--workers", 4);
var stages = args.Contains("--stages");
using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
Console.WriteLine($"capi-vip-allocator harness: .NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}, --max-concurrent-reconciles {workers}");
Console.WriteLine("  garbage collector: " + GcFigures.Settings());

await using (var world = await World.StartAsync(loggers, workers: workers))
{
    // 1. One GET round trip to the same server: the unit the latencies are also given in.
    var probe = await world.Clusters.CreateAsync(World.NewCluster("rtt-probe", paused: true));
    for (var i = 0; i < 50; i++)
    {
        await world.Clusters.GetAsync("default", "rtt-probe");
    }

    var rtts = new List<double>();
    for (var i = 0; i < 500; i++)
    {
        var t = Stopwatch.GetTimestamp();
        await world.Clusters.GetAsync("default", "rtt-probe");
        rtts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    var rtt = Percentile(rtts, 0.5);
    Console.WriteLine($"GET round trip (median of 500): {rtt:0.000} ms");

    // 2. Latency, one Cluster at a time: created → endpoint written (seen by a watch).
    for (var i = 0; i < 20; i++)
    {
        await world.AllocateOneAsync("warm-" + i);
    }

    if (stages)
    {
        await world.WatchStagesAsync();
    }

    world.Server.Counters.Reset();
    var latencies = new List<double>();
    var withGc = new List<double>();
    var withoutGc = new List<double>();
    var gcBefore = GcFigures.Now();
    sampler?.Start();
    for (var i = 0; i < samples; i++)
    {
        var collections = GC.CollectionCount(0);
        var latency = (await world.AllocateOneAsync("lat-" + i)).TotalMilliseconds;
        latencies.Add(latency);
        (GC.CollectionCount(0) != collections ? withGc : withoutGc).Add(latency);
    }

    var gc = GcFigures.Now() - gcBefore;
    sampler?.Stop();

    await world.DrainEventsAsync();
    var c = world.Server.Counters;
    Console.WriteLine($"allocation latency over {samples} Clusters, one at a time: p50 {Percentile(latencies, 0.5):0.00} ms ({Percentile(latencies, 0.5) / rtt:0.0} GET round trips), " +
        $"p99 {Percentile(latencies, 0.99):0.00} ms ({Percentile(latencies, 0.99) / rtt:0.0} round trips), max {latencies.Max():0.00} ms");
    Console.WriteLine($"  garbage collection during them: {gc.Describe(samples)}; {withGc.Count} of {samples} allocations saw a collection" +
        (withGc.Count == 0 ? "" : $" (their median {Percentile(withGc, 0.5):0.00} ms, max {withGc.Max():0.00} ms)") +
        (withoutGc.Count == 0 ? "" : $", the others p99 {Percentile(withoutGc, 0.99):0.00} ms"));
    if (stages)
    {
        Console.WriteLine("  stages (median, as two more watches saw them): " + string.Join(", ",
            world.StageMedians(Enumerable.Range(0, samples).Select(i => "lat-" + i)).Select(s => $"{s.Stage} {s.Median:0.00} ms")));
    }

    if (sampler is not null)
    {
        Console.WriteLine("  allocated, by type (sampled): " + string.Join(", ", sampler.Top(15).Select(t => $"{t.Type} {t.Share:P0}")));
    }

    var clusterWrites = c.Count("patch", "clusters") + c.Count("update", "clusters");
    var claimWrites = c.Count("create", "ipaddressclaims") + c.Count("update", "ipaddressclaims") + c.Count("delete", "ipaddressclaims");
    var events = c.Count("create", "events") + c.Count("patch", "events");
    Console.WriteLine($"controller writes per allocation: {(clusterWrites + claimWrites) / (double)samples:0.00} (claim {claimWrites / (double)samples:0.00}, Cluster spec + status applies {clusterWrites / (double)samples:0.00}) + Events {events / (double)samples:0.00}");
    Console.WriteLine("  server counters: " + string.Join(", ", c.Snapshot().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")));
    Console.WriteLine($"  polling: list requests during the run {c.Count("list")} (informers list once, then watch)");

    // 3. Many at once.
    var burstGc = GcFigures.Now();
    var started = Stopwatch.GetTimestamp();
    var all = world.ExpectVips(Enumerable.Range(0, burst).Select(i => "burst-" + i));
    await Parallel.ForEachAsync(Enumerable.Range(0, burst), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        await world.Clusters.CreateAsync(World.NewCluster("burst-" + i), cancellationToken: ct));
    var created = Stopwatch.GetElapsedTime(started);
    await all;
    var elapsed = Stopwatch.GetElapsedTime(started);
    Console.WriteLine($"{burst} Clusters created at once (16 in flight, created in {created.TotalSeconds:0.00} s): all allocated {elapsed.TotalSeconds:0.00} s after the first create; " +
        $"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB (API server, IPAM and controller in one process)");
    Console.WriteLine($"  garbage collection during them: {(GcFigures.Now() - burstGc).Describe(burst)}");
    _ = probe;
}

// 4. The controller's memory with many Clusters cached (paused Clusters: cached, nothing to write).
await using (var world = await World.StartAsync(loggers, startController: false))
{
    await Parallel.ForEachAsync(Enumerable.Range(0, cachedCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        await world.Clusters.CreateAsync(World.NewCluster("cached-" + i, paused: true), cancellationToken: ct));
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var workingBefore = Environment.WorkingSet;
    var host = await world.StartControllerAsync();
    while (!host.IsReady)
    {
        await Task.Delay(20);
    }

    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"{cachedCount} Clusters cached: controller managed heap +{(after - before) / 1048576.0:0.0} MiB (full GC before and after start), process working set {workingBefore / 1048576.0:0} → {Environment.WorkingSet / 1048576.0:0} MiB");
}

return 0;

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
