using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Benchmarks;

/// <summary>
/// Is the emitted fast-path writer worth its size? The same v1beta2 Cluster written with the context's own options
/// (System.Text.Json calls the fast path) and with options whose resolver is the context wrapped in a no-op modifier:
/// no longer a <c>JsonSerializerContext</c>, so System.Text.Json writes through the property metadata instead.
/// </summary>
[MemoryDiagnoser]
public class FastPathBenchmarks
{
    private Cluster _cluster = null!;
    private JsonTypeInfo<Cluster> _metadataOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(SampleCluster.Json()), CrdJsonContext.Default.ClusterV1Beta2)!;
        var options = new JsonSerializerOptions(CrdJsonContext.Default.Options) { TypeInfoResolver = CrdJsonContext.Default.WithAddedModifier(static _ => { }) };
        _metadataOnly = (JsonTypeInfo<Cluster>)options.GetTypeInfo(typeof(Cluster));
        if (!JsonSerializer.SerializeToUtf8Bytes(_cluster, _metadataOnly).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(_cluster, CrdJsonContext.Default.ClusterV1Beta2)))
        {
            throw new InvalidOperationException("The fast path and the metadata path write different JSON.");
        }
    }

    [Benchmark(Baseline = true, Description = "Write, fast path (the context's options)")]
    public byte[] FastPath() => JsonSerializer.SerializeToUtf8Bytes(_cluster, CrdJsonContext.Default.ClusterV1Beta2);

    [Benchmark(Description = "Write, property metadata (other options)")]
    public byte[] MetadataPath() => JsonSerializer.SerializeToUtf8Bytes(_cluster, _metadataOnly);
}
