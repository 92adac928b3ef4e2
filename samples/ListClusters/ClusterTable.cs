using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using k8s;

namespace ListClusters;

/// <summary>The Clusters seen so far, kept up to date from watch events, printed as a table.</summary>
internal sealed class ClusterTable
{
    private static readonly string[] Headers = ["NAME", "CLASS", "ENDPOINT", "PHASE"];
    private readonly SortedDictionary<string, Cluster> _clusters = new(StringComparer.Ordinal);

    public int Count => _clusters.Count;

    public void Apply(WatchEvent<Cluster> change)
    {
        var name = change.Object.Metadata.Name;
        if (change.Type == WatchEventKind.Deleted)
        {
            _clusters.Remove(name);
        }
        else
        {
            _clusters[name] = change.Object;
        }
    }

    /// <summary>Prints the table; on a terminal it is redrawn in place, in a log it is printed again below the last one.</summary>
    public void Print(TextWriter output, string caption)
    {
        if (!Console.IsOutputRedirected)
        {
            Console.Clear();
        }

        var rows = _clusters.Values.Select(Row).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        output.WriteLine();
        output.WriteLine("── " + caption);
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("   ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    private static string[] Row(Cluster cluster)
    {
        var endpoint = cluster.Spec.ControlPlaneEndpoint;
        return
        [
            cluster.Metadata.Name,
            cluster.Spec.Topology?.ClassRef?.Name ?? "<none>",
            string.IsNullOrEmpty(endpoint?.Host) ? "<none>" : $"{endpoint.Host}:{endpoint.Port}",
            cluster.Status?.Phase?.Value ?? "<none>",
        ];
    }
}
