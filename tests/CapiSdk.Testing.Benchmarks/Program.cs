// Throughput and memory of CapiSdk.Testing's in-process API server:
//   10,000 creates, a list of 10,000 objects, 100 concurrent watchers receiving 10,000 events each,
//   and the time to start and stop a server (with one CRD, and with all upstream Cluster API and IPAM CRDs).
// Run: dotnet run -c Release --project tests/CapiSdk.Testing.Benchmarks
//      dotnet run -c Release --project tests/CapiSdk.Testing.Benchmarks -- startup   (only the start + stop figures)
using System.Diagnostics;
using System.Text.Json.Nodes;
using CapiSdk.Testing;
using k8s;
using k8s.Models;

const int Objects = 10_000;
const int Watchers = 100;
const int Parallelism = 8;

Console.WriteLine($"CapiSdk.Testing benchmark, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (!args.Contains("startup"))
{
    await ThroughputAsync();
}

// 4. Start + stop of a server with one CRD, 20 times.
var startup = Stopwatch.StartNew();
for (var i = 0; i < 20; i++)
{
    var startOptions = new KubeApiServerOptions();
    startOptions.CrdFiles.Add(Path.Combine(AppContext.BaseDirectory, "widgets.example.com.yaml"));
    await (await KubeApiServer.StartAsync(startOptions)).DisposeAsync();
}
Console.WriteLine($"start + stop with one CRD: {startup.Elapsed.TotalMilliseconds / 20:F1} ms on average over 20");

// 5. Start + stop of a server with all upstream CRDs (shared/crds/upstream beside the repository root), 5 times: the first
//    compiles every schema, the next ones find them in the process-wide schema cache.
if (UpstreamCrds() is { Count: > 0 } upstream)
{
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        startup.Restart();
        var startOptions = new KubeApiServerOptions();
        foreach (var file in upstream)
        {
            startOptions.CrdFiles.Add(file);
        }

        await (await KubeApiServer.StartAsync(startOptions)).DisposeAsync();
        times.Add(startup.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"start + stop with all {upstream.Count} upstream CRDs: first {times[0]:F0} ms (schemas compiled), then {times.Skip(1).Average():F0} ms on average over 4 (compiled schemas reused)");
}
else
{
    Console.WriteLine("start + stop with all upstream CRDs: skipped, shared/crds/upstream not found beside the repository root");
}

Console.WriteLine($"managed heap after run: {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MiB; peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");

async Task ThroughputAsync()
{
    var options = new KubeApiServerOptions { WatchHistorySize = 50_000 };
    options.Namespaces.Add("watched");
    options.CrdFiles.Add(Path.Combine(AppContext.BaseDirectory, "widgets.example.com.yaml"));
    await using var server = await KubeApiServer.StartAsync(options);
    using var client = server.CreateClient();

    // 1. Creates through KubernetesClient, 8 in flight.
    var sw = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget($"w{i:D5}"), "example.com", "v1", "default", "widgets", cancellationToken: ct));
    Report($"{Objects:N0} creates (KubernetesClient, {Parallelism} in flight)", sw.Elapsed, Objects, "creates/s");

    // 2. Lists of all 10,000: raw HTTP bytes, and through KubernetesClient (deserialized).
    using var http = new HttpClient { BaseAddress = server.BaseAddress };
    sw.Restart();
    long bytes = 0;
    for (var i = 0; i < 5; i++)
    {
        bytes = (await http.GetByteArrayAsync("/apis/example.com/v1/namespaces/default/widgets")).LongLength;
    }
    Report($"list of {Objects:N0} (raw HTTP, {bytes / 1024 / 1024.0:F1} MiB), 5 times", sw.Elapsed, 5, "lists/s");
    sw.Restart();
    var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>("example.com", "v1", "default", "widgets");
    Report($"list of {list["items"]!.AsArray().Count:N0} (KubernetesClient, deserialized)", sw.Elapsed, 1, "lists/s");

    // 3. 100 watchers, each receiving 10,000 ADDED events.
    var from = server.ResourceVersion;
    var received = new long[Watchers];
    var watchers = Enumerable.Range(0, Watchers).Select(async w =>
    {
        using var watchHttp = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var response = await watchHttp.GetAsync($"/apis/example.com/v1/namespaces/watched/widgets?watch=true&resourceVersion={from}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (received[w] < Objects && await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("{\"type\":\"ADDED\"", StringComparison.Ordinal))
            {
                received[w]++;
            }
        }
    }).ToList();
    sw.Restart();
    await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget($"e{i:D5}"), "example.com", "v1", "watched", "widgets", cancellationToken: ct));
    var produced = sw.Elapsed;
    await Task.WhenAll(watchers);
    Report($"{Watchers} watchers x {Objects:N0} events (writes took {produced.TotalSeconds:F2} s)", sw.Elapsed, (long)Watchers * Objects, "events delivered/s");
    Console.WriteLine($"all watchers complete: {received.All(r => r == Objects)}");
}

static List<string> UpstreamCrds()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "crds", "upstream");
        if (Directory.Exists(candidate))
        {
            return [.. Directory.GetFiles(candidate, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        }
    }

    return [];
}

static JsonObject Widget(string name) => new()
{
    ["apiVersion"] = "example.com/v1",
    ["kind"] = "Widget",
    ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["bench"] = "true" } },
    ["spec"] = new JsonObject { ["color"] = "red", ["replicas"] = 3, ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80 }) },
};

static void Report(string what, TimeSpan elapsed, long count, string unit) =>
    Console.WriteLine($"{what}: {elapsed.TotalSeconds:F2} s, {count / elapsed.TotalSeconds:N0} {unit}, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
