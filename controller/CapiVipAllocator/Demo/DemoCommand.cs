using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.IpamSimulator;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Testing;
using CapiSdk.Topology;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Hosting;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Demo;

/// <summary>
/// <c>capi-vip-allocator demo</c>: an in-process API server with the SDK's CRDs, the IPAM simulator, a pool, a
/// ClusterClass declaring <c>clusterVip</c> and N Clusters, the real controller host against it, a table of the
/// results; then the Clusters are deleted and the addresses shown released (or, with <c>--keep</c>, everything
/// keeps running for kubectl until Ctrl+C / SIGTERM).
/// </summary>
internal static class DemoCommand
{
    private const string Pool = "demo-vip-pool";
    private const string Class = "demo-class";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Runs the demo; 0 when everything converged, 1 otherwise (saying what did not).</summary>
    public static async Task<int> RunAsync(DemoOptions demo, TextWriter output, ILoggerFactory loggerFactory, CancellationToken stop)
    {
        var crds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "crds"), "*.yaml", SearchOption.AllDirectories);
        var serverOptions = new KubeApiServerOptions();
        foreach (var crd in crds)
        {
            serverOptions.CrdFiles.Add(crd);
        }

        await using var server = await KubeApiServer.StartAsync(serverOptions, stop).ConfigureAwait(false);
        using var client = server.CreateClient();
        await output.WriteLineAsync($"API server   {server.BaseAddress} ({crds.Length} CRDs: Cluster API v1beta1/v1beta2, IPAM)").ConfigureAwait(false);
        await using var ipam = await IpamSimulator.StartAsync(server.CreateClient(), new IpamSimulatorOptions { LoggerFactory = loggerFactory }, stop).ConfigureAwait(false);
        await output.WriteLineAsync("IPAM         in-cluster provider simulator running").ConfigureAwait(false);
        await CreatePoolAndClassAsync(client, stop).ConfigureAwait(false);
        await output.WriteLineAsync($"pool         GlobalInClusterIPPool {Pool}: 10.10.0.10-10.10.0.250, labelled for ClusterClass {Class}").ConfigureAwait(false);

        using var controllerStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var host = new AllocatorHost(new AllocatorOptions { HealthProbeBindAddress = new("127.0.0.1", 0), MetricsBindAddress = new("127.0.0.1", 0) }, server.CreateClient(), loggerFactory);
        var running = Task.Run(() => host.RunAsync(controllerStop.Token), CancellationToken.None);
        try
        {
            await host.Started.WaitAsync(stop).ConfigureAwait(false);
            await output.WriteLineAsync($"controller   capi-vip-allocator (cluster.x-k8s.io/{host.ClusterApiVersion}, ipam claims {host.IpamVersions?.Claims}, pools {host.IpamVersions?.Pools}), probes {host.ProbeAddress}healthz, metrics {host.MetricsAddress}metrics").ConfigureAwait(false);
            var results = await AllocateAsync(client, demo.Clusters, output, stop).ConfigureAwait(false);
            PrintTable(output, results);
            var missing = results.Where(r => r.Vip is null).Select(r => r.Name).ToList();
            if (missing.Count > 0)
            {
                await output.WriteLineAsync($"NOT CONVERGED: {missing.Count} Cluster(s) got no VIP within {Deadline.TotalSeconds:0} s: {string.Join(", ", missing)}").ConfigureAwait(false);
                return 1;
            }

            if (results.Select(r => r.Vip).Distinct().Count() != results.Count)
            {
                await output.WriteLineAsync("NOT CONVERGED: two Clusters got the same VIP").ConfigureAwait(false);
                return 1;
            }

            if (demo.Keep)
            {
                await output.WriteLineAsync($"kubeconfig: {server.KubeconfigPath}").ConfigureAwait(false);
                await output.FlushAsync(stop).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return 0;
            }

            return await ReleaseAsync(client, results, output, stop).ConfigureAwait(false);
        }
        finally
        {
            await controllerStop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task CreatePoolAndClassAsync(k8s.IKubernetes client, CancellationToken cancellationToken)
    {
        await new GlobalInClusterIPPoolClient(client).CreateAsync(new GlobalInClusterIPPool
        {
            Metadata = new() { Name = Pool, Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = "control-plane", ["vip.capi.gorizond.io/cluster-class"] = Class } },
            Spec = new() { Addresses = ["10.10.0.10-10.10.0.250"], Prefix = 24, Gateway = "10.10.0.1" },
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        const string classJson = """
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"ClusterClass","metadata":{"name":"demo-class","namespace":"default"},
             "spec":{"controlPlane":{"templateRef":{"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlaneTemplate","name":"demo-cp"}},
                     "infrastructure":{"templateRef":{"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta2","kind":"DockerClusterTemplate","name":"demo-infra"}},
                     "variables":[{"name":"clusterVip","required":false,"schema":{"openAPIV3Schema":{"type":"string","default":""}}}]}}
            """;
        await new ClusterClassClient(client).CreateAsync(JsonSerializer.Deserialize(classJson, CrdJsonContext.Default.ClusterClassV1Beta2)!, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<DemoResult>> AllocateAsync(k8s.IKubernetes client, int count, TextWriter output, CancellationToken stop)
    {
        var clusters = new ClusterClient(client);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(Deadline);
        var created = new Dictionary<string, long>(StringComparer.Ordinal);
        var results = new Dictionary<string, DemoResult>(StringComparer.Ordinal);
        var names = Enumerable.Range(1, count).Select(i => "demo-" + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in clusters.WatchAsync("default", cancellationToken: deadline.Token).ConfigureAwait(false))
                {
                    var c = change.Object;
                    if (change.Type is not (WatchEventKind.Added or WatchEventKind.Modified) || string.IsNullOrEmpty(c.Spec.ControlPlaneEndpoint?.Host) || results.ContainsKey(c.Metadata.Name))
                    {
                        continue;
                    }

                    long start;
                    lock (created)
                    {
                        start = created.GetValueOrDefault(c.Metadata.Name, Stopwatch.GetTimestamp());
                    }

                    results[c.Metadata.Name] = new DemoResult(c.Metadata.Name, c.Spec.ControlPlaneEndpoint.Host, c.Spec.ControlPlaneEndpoint.Port, c.GetVariableString("clusterVip"), Stopwatch.GetElapsedTime(start));
                    await output.WriteAsync($"\rwaiting      {results.Count}/{count} Clusters have a VIP").ConfigureAwait(false);
                    if (results.Count == count)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
            }
        }, CancellationToken.None);
        await output.WriteAsync($"\rwaiting      0/{count} Clusters have a VIP").ConfigureAwait(false);
        foreach (var name in names)
        {
            lock (created)
            {
                created[name] = Stopwatch.GetTimestamp();
            }

            await clusters.CreateAsync(new Cluster
            {
                Metadata = new() { Name = name, NamespaceProperty = "default" },
                Spec = new() { Topology = new() { ClassRef = new() { Name = Class }, Version = "v1.31.0", Variables = [new() { Name = "clusterVip", Value = JsonValue.Create("") }] } },
            }, cancellationToken: stop).ConfigureAwait(false);
        }

        await watching.ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        return [.. names.Select(n => results.GetValueOrDefault(n) ?? new DemoResult(n, null, null, null, null))];
    }

    private static void PrintTable(TextWriter output, IReadOnlyList<DemoResult> results)
    {
        output.WriteLine();
        output.WriteLine($"{"CLUSTER",-10} {"VIP (endpoint)",-16} {"PORT",-5} {"clusterVip",-12} {"LATENCY",8}");
        foreach (var r in results)
        {
            output.WriteLine($"{r.Name,-10} {r.Vip ?? "<none>",-16} {r.Port?.ToString(CultureInfo.InvariantCulture) ?? "",-5} {r.Variable ?? "<none>",-12} {(r.Latency is { } l ? l.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "-"),8}");
        }

        var latencies = results.Where(r => r.Latency is not null).Select(r => r.Latency!.Value.TotalMilliseconds).Order().ToList();
        if (latencies.Count > 0)
        {
            output.WriteLine($"allocation latency (Cluster created → endpoint written, seen by a watch): median {latencies[latencies.Count / 2]:0.0} ms, max {latencies[^1]:0.0} ms (the Go operator: 5–10 s)");
        }

        output.WriteLine();
    }

    private static async Task<int> ReleaseAsync(k8s.IKubernetes client, IReadOnlyList<DemoResult> results, TextWriter output, CancellationToken stop)
    {
        var clusters = new ClusterClient(client);
        var claims = new IPAddressClaimClient(client);
        var addresses = new IPAddressClient(client);
        foreach (var r in results)
        {
            await clusters.DeleteAsync("default", r.Name, cancellationToken: stop).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"deleted      {results.Count} Clusters").ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(Deadline);
        var left = -1;
        try
        {
            await foreach (var change in new GlobalInClusterIPPoolClient(client).WatchAsync(cancellationToken: deadline.Token).ConfigureAwait(false))
            {
                left = (await claims.ListAsync("default", cancellationToken: deadline.Token).ConfigureAwait(false)).Items.Count +
                    (await addresses.ListAsync("default", cancellationToken: deadline.Token).ConfigureAwait(false)).Items.Count;
                if (change.Object.Metadata.Name == Pool && change.Object.Status?.IpAddresses is { Used: 0 } ip && left == 0)
                {
                    await output.WriteLineAsync($"released     every claim and address; pool {Pool}: {ip.Used} used, {ip.Free} free of {ip.Total}").ConfigureAwait(false);
                    return 0;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stop.IsCancellationRequested)
        {
        }

        await output.WriteLineAsync($"NOT CONVERGED: claims/addresses still exist ({left} at the last look) {Deadline.TotalSeconds:0} s after the Clusters were deleted").ConfigureAwait(false);
        return 1;
    }
}
