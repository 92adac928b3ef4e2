using BenchmarkDotNet.Attributes;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using CapiSdk.Testing;

namespace CapiSdk.Benchmarks;

/// <summary>
/// CapiSdk.Runtime: an informer's initial sync of 10,000 Clusters from an in-process API server (real HTTP on
/// loopback, the server's work included), the work queue's add+get+done cycle, and the reconcile rate of a
/// controller whose reconciler does nothing (queue, workers, log scope and metrics calls only).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RuntimeBenchmarks
{
    private const int Objects = 10_000;
    private const int QueueKeys = 10_000;
    private const int QueueRounds = 10;
    private readonly string[] _keys = Enumerable.Range(0, QueueKeys).Select(i => "default/key-" + i).ToArray();
    private KubeApiServer _server = null!;
    private k8s.IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;
    private CancellationTokenSource _stop = null!;
    private Controller<Cluster> _controller = null!;
    private NoOpReconciler _reconciler = null!;
    private Task _running = Task.CompletedTask;

    /// <summary>Reconciles at once (one worker, or four).</summary>
    [Params(1, 4)]
    public int Workers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CapiSdk.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("CapiSdk.sln not found");
        }

        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(Path.Combine(root, "crds", "cluster.x-k8s.io", "clusters.yaml"));
        _server = await KubeApiServer.StartAsync(options);
        _kubernetes = _server.CreateClient();
        _clusters = new ClusterClient(_kubernetes);
        await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await _clusters.CreateAsync(
                new Cluster
                {
                    Metadata = new() { Name = "c" + i, NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["app"] = "bench" } },
                    Spec = new ClusterSpec { Topology = new ClusterTopology { ClassRef = new ClusterTopologyClassRef { Name = "quick-start" }, Version = "v1.31.0" } },
                },
                cancellationToken: ct));

        _stop = new CancellationTokenSource();
        var informers = new InformerFactory(new InformerOptions { Namespace = "default" });
        _reconciler = new NoOpReconciler();
        _controller = new ControllerBuilder<Cluster>(informers, _clusters).WithMaxConcurrentReconciles(Workers).Build(_reconciler);
        _running = new ControllerManager(informers, [_controller]).RunAsync(_stop.Token);
        await informers.WaitForSyncAsync(CancellationToken.None);
        await _reconciler.WaitAsync(Objects);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Description = "Informer initial sync, 10,000 Clusters (list + watch start)")]
    public async Task<int> InformerInitialSync()
    {
        using var stop = new CancellationTokenSource();
        var informer = new SharedInformer<Cluster>(_clusters, new InformerOptions { Namespace = "default" });
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None);
        var count = informer.Count;
        await stop.CancelAsync();
        await running;
        return count;
    }

    [Benchmark(Description = "Work queue: add + get + done, per key", OperationsPerInvoke = QueueKeys * QueueRounds)]
    public async Task<int> QueueCycle()
    {
        var queue = new WorkQueue<string>();
        var done = 0;
        for (var round = 0; round < QueueRounds; round++)
        {
            foreach (var key in _keys)
            {
                queue.Add(key);
            }

            for (var i = 0; i < QueueKeys; i++)
            {
                var item = await queue.GetAsync(CancellationToken.None);
                queue.Done(item.Key);
                done++;
            }
        }

        return done;
    }

    [Benchmark(Description = "No-op controller: reconcile, per object", OperationsPerInvoke = Objects)]
    public async Task<int> NoOpReconcile()
    {
        var target = _reconciler.Count + Objects;
        for (var i = 0; i < Objects; i++)
        {
            _controller.Enqueue(new ReconcileRequest("default", "c" + i));
        }

        await _reconciler.WaitAsync(target);
        return target;
    }

    /// <summary>Counts reconciles and lets the benchmark wait for a count.</summary>
    private sealed class NoOpReconciler : IReconciler<Cluster>
    {
        private readonly Lock _lock = new();
        private int _count;
        private int _target = int.MaxValue;
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _target))
            {
                lock (_lock)
                {
                    _reached.TrySetResult();
                }
            }

            return Task.FromResult(ReconcileResult.Done);
        }

        public Task WaitAsync(int target)
        {
            lock (_lock)
            {
                _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _target, target);
                if (Count >= target)
                {
                    _reached.TrySetResult();
                }

                return _reached.Task;
            }
        }
    }
}
