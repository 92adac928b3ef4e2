using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Testing;
using k8s;

namespace CapiSdk.Benchmarks;

/// <summary>
/// List 1,000 realistic Clusters from an in-process API server (CapiSdk.Testing, real HTTP on loopback): the
/// generated typed client versus KubernetesClient's generic custom-object call, whose result is a JsonElement.
/// The server's own work is in both; the difference is the client side.
/// </summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private KubeApiServer _server = null!;
    private k8s.IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;

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
        for (var i = 0; i < 1000; i++)
        {
            var cluster = JsonSerializer.Deserialize(SampleCluster.Json("c" + i), Models.CrdJsonContext.Default.ClusterV1Beta2)!;
            cluster.Metadata.Uid = null;
            cluster.Metadata.ResourceVersion = null;
            cluster.Metadata.CreationTimestamp = null;
            cluster.Metadata.Finalizers = null;
            await _clusters.CreateAsync(cluster);
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Typed client: ListAsync (1,000 Clusters)")]
    public async Task<int> Typed() => (await _clusters.ListAsync("default")).Items.Count;

    [Benchmark(Description = "Generic client: ListNamespacedCustomObjectAsync (JsonElement)")]
    public async Task<int> Untyped()
    {
        var list = (JsonElement)await _kubernetes.CustomObjects.ListNamespacedCustomObjectAsync("cluster.x-k8s.io", "v1beta2", "default", "clusters");
        return list.GetProperty("items").GetArrayLength();
    }
}
