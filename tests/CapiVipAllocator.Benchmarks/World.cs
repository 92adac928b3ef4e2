using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Testing;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Hosting;
using k8s;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Benchmarks;

/// <summary>The API server, the instant IPAM, a pool, a ClusterClass, the controller host and a watch of Clusters.</summary>
internal sealed class World : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Cluster, string Stage), long> _seen = new();
    private readonly ILoggerFactory _loggers;
    private InstantIpam? _ipam;
    private int _workers = 4;
    private Task? _host;
    private Task? _watch;
    private Task? _stageWatch;

    private World(KubeApiServer server, ILoggerFactory loggers)
    {
        Server = server;
        Client = server.CreateClient();
        Clusters = new ClusterClient(Client);
        _loggers = loggers;
    }

    public KubeApiServer Server { get; }

    public IKubernetes Client { get; }

    public ClusterClient Clusters { get; }

    public static async Task<World> StartAsync(ILoggerFactory loggers, bool startController = true, int workers = 4)
    {
        var options = new KubeApiServerOptions { WatchHistorySize = 100_000 }.AddCrds(CapiSdkCrds.Yaml);

        var world = new World(await KubeApiServer.StartAsync(options), loggers) { _workers = workers };
        await new GlobalInClusterIPPoolClient(world.Client).CreateAsync(new GlobalInClusterIPPool
        {
            Metadata = new() { Name = "bench", Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = "control-plane", ["vip.capi.gorizond.io/cluster-class"] = "bench" } },
            Spec = new() { Addresses = ["10.0.0.0/8"], Prefix = 8 },
        });
        const string classJson = """
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"ClusterClass","metadata":{"name":"bench","namespace":"default"},
             "spec":{"controlPlane":{"templateRef":{"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlaneTemplate","name":"cp"}},
                     "infrastructure":{"templateRef":{"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta2","kind":"DockerClusterTemplate","name":"infra"}},
                     "variables":[{"name":"clusterVip","required":false,"schema":{"openAPIV3Schema":{"type":"string","default":""}}}]}}
            """;
        await new ClusterClassClient(world.Client).CreateAsync(JsonSerializer.Deserialize(classJson, CrdJsonContext.Default.ClusterClassV1Beta2)!);
        if (startController)
        {
            world._ipam = new InstantIpam(world.Server.CreateClient());
            await world._ipam.StartAsync();
            await world.StartControllerAsync();
            world._watch = Task.Run(world.WatchAsync);
        }

        return world;
    }

    public static Cluster NewCluster(string name, bool paused = false) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["env"] = "bench", ["team"] = "platform" } },
        Spec = new()
        {
            Paused = paused ? true : null,
            ClusterNetwork = new() { Pods = new() { CidrBlocks = ["192.168.0.0/16"] }, Services = new() { CidrBlocks = ["10.128.0.0/12"] } },
            Topology = new()
            {
                ClassRef = new() { Name = "bench" },
                Version = "v1.31.0",
                ControlPlane = new() { Replicas = 3 },
                Variables = [new() { Name = "clusterVip", Value = JsonValue.Create("") }, new() { Name = "cni", Value = JsonValue.Create("calico") }],
            },
        },
    };

    public async Task<AllocatorHost> StartControllerAsync()
    {
        var host = new AllocatorHost(new AllocatorOptions { HealthProbeBindAddress = null, MetricsBindAddress = new("127.0.0.1", 0), MaxConcurrentReconciles = _workers }, Server.CreateClient(), _loggers);
        _host = Task.Run(() => host.RunAsync(_stop.Token));
        await host.Started;
        return host;
    }

    /// <summary>Creates one Cluster and returns the time until a watch saw its endpoint host.</summary>
    public async Task<TimeSpan> AllocateOneAsync(string name)
    {
        var done = ExpectVips([name]);
        var started = Stopwatch.GetTimestamp();
        _seen[(name, "created")] = started;
        await Clusters.CreateAsync(NewCluster(name));
        await done;
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Also watches claims and addresses, so each allocation's stages are timed as a watch sees them (claim created by
    /// the controller, address and addressRef written by the IPAM, endpoint written by the controller). Adds two watches.
    /// </summary>
    public async Task WatchStagesAsync()
    {
        var claims = new CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaimClient(Client);
        var addresses = new CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClient(Client);
        // From the current resourceVersion: no initial list, so the server's list counter stays the controller's.
        var from = new CapiSdk.Client.WatchOptions { ResourceVersion = (await Clusters.GetAsync("default", "rtt-probe"))!.Metadata.ResourceVersion };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        async Task Follow<T>(IAsyncEnumerable<CapiSdk.Client.WatchEvent<T>> watch, Action<T> seen)
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                ready.TrySetResult();
            }

            try
            {
                await foreach (var change in watch)
                {
                    seen(change.Object);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        static string Cluster(string claim) => claim.StartsWith("vip-cp-", StringComparison.Ordinal) ? claim["vip-cp-".Length..] : claim;
        _stageWatch = Task.WhenAll(
            Follow(claims.WatchAsync("default", from, _stop.Token), c =>
            {
                _seen.TryAdd((Cluster(c.Metadata.Name), "claim"), Stopwatch.GetTimestamp());
                if (c.Status?.AddressRef?.Name is { Length: > 0 })
                {
                    _seen.TryAdd((Cluster(c.Metadata.Name), "bound"), Stopwatch.GetTimestamp());
                }
            }),
            Follow(addresses.WatchAsync("default", from, _stop.Token), a => _seen.TryAdd((Cluster(a.Metadata.Name), "address"), Stopwatch.GetTimestamp())));
        await ready.Task;
    }

    /// <summary>The median time of each stage over the named Clusters, as the stage watches saw them.</summary>
    public IEnumerable<(string Stage, double Median)> StageMedians(IEnumerable<string> names)
    {
        string[] stages = ["created", "claim", "address", "bound", "endpoint"];
        var deltas = stages.Skip(1).Select(_ => new List<double>()).ToArray();
        foreach (var name in names)
        {
            var at = stages.Select(s => _seen.TryGetValue((name, s), out var t) ? t : (long?)null).ToArray();
            if (at.Any(t => t is null))
            {
                continue;
            }

            for (var i = 1; i < stages.Length; i++)
            {
                deltas[i - 1].Add(Stopwatch.GetElapsedTime(at[i - 1]!.Value, at[i]!.Value).TotalMilliseconds);
            }
        }

        return stages.Skip(1).Select((s, i) => (stages[i] + " → " + s, deltas[i].Count == 0 ? double.NaN : deltas[i].Order().ElementAt(deltas[i].Count / 2)));
    }

    /// <summary>Completes when every named Cluster has its endpoint host.</summary>
    public Task ExpectVips(IEnumerable<string> names) =>
        Task.WhenAll(names.Select(n => _waiting.GetOrAdd(n, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task)).WaitAsync(TimeSpan.FromMinutes(2));

    /// <summary>Gives the event recorder's background writer the moment to send what it queued.</summary>
    public async Task DrainEventsAsync()
    {
        var last = -1L;
        while (Server.Counters.Count("create", "events") + Server.Counters.Count("patch", "events") is var now && now != last)
        {
            last = now;
            await Task.Delay(200);
        }
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var change in Clusters.WatchAsync("default", cancellationToken: _stop.Token))
            {
                if (!string.IsNullOrEmpty(change.Object.Spec.ControlPlaneEndpoint?.Host))
                {
                    _seen.TryAdd((change.Object.Metadata.Name, "endpoint"), Stopwatch.GetTimestamp());
                    _waiting.GetOrAdd(change.Object.Metadata.Name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var task in new[] { _host, _watch, _stageWatch })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (_ipam is not null)
        {
            await _ipam.DisposeAsync();
        }

        Client.Dispose();
        await Server.DisposeAsync();
    }
}
