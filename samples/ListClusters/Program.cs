using CapiSdk.Models.Cluster.V1Beta2;
using ListClusters;

// dotnet run [-- --namespace default] [--seconds 60] [--events N]
// Lists and watches Clusters with the typed client and keeps a table (name, class, endpoint, phase) up to date.
// Without KUBECONFIG it runs against an in-process API server, changes a few Clusters itself, and exits when
// the watch has shown every change; with KUBECONFIG it watches the cluster until Ctrl+C, --seconds or --events.
var @namespace = Option("--namespace") ?? "default";
var seconds = int.Parse(Option("--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture);
var maxEvents = Option("--events") is { } events ? int.Parse(events, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var api = await ApiConnection.OpenAsync(stop.Token);
Console.WriteLine($"Watching Clusters in namespace '{@namespace}' on {api.Description}.");
var clusters = new ClusterClient(api.Kubernetes);
var demo = api.InProcess ? new DemoActivity(clusters, @namespace) : null;
if (demo is not null)
{
    await demo.SeedAsync(stop.Token);
    maxEvents ??= demo.ExpectedEvents;
}

var table = new ClusterTable();
var seen = 0;
Task? changes = null;
try
{
    // Without a resourceVersion the watch starts with an ADDED event per existing Cluster (the list), then
    // goes on with live events; it resumes by itself if the connection drops.
    await foreach (var change in clusters.WatchAsync(@namespace, cancellationToken: stop.Token))
    {
        table.Apply(change);
        table.Print(Console.Out, $"{change.Type.ToString().ToUpperInvariant()} {change.Object.Metadata.Name}");
        seen++;
        if (demo is not null && changes is null && seen == demo.SeededCount)
        {
            changes = demo.ChangeAsync(stop.Token);
            _ = changes.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        if (seen == maxEvents)
        {
            break;
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

if (changes is not null)
{
    try
    {
        await changes; // rethrows what went wrong if a change failed
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
}

Console.WriteLine();
Console.WriteLine(seen == 0 ? $"No Clusters in namespace '{@namespace}', and no changes." : $"{seen} events, {table.Count} clusters.");
return demo is not null && seen < maxEvents ? 1 : 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
