using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Benchmarks;

/// <summary>
/// Read and write a realistic v1beta2 Cluster: the generated model and its source-generated metadata, versus
/// the untyped path C# users have today — KubernetesClient's generic client deserializes custom objects with
/// <c>KubernetesJson</c> into a <c>JsonElement</c> (object), and edits go through <c>JsonNode</c>.
/// Each "read" also reads three fields, as code that uses the object does.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private byte[] _utf8 = null!;
    private string _text = null!;
    private Cluster _typed = null!;
    private JsonNode _node = null!;
    private JsonElement _element;

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleCluster.Json();
        _utf8 = Encoding.UTF8.GetBytes(_text);
        _typed = JsonSerializer.Deserialize(_utf8, CrdJsonContext.Default.ClusterV1Beta2)!;
        _node = JsonNode.Parse(_utf8)!;
        _element = (JsonElement)k8s.KubernetesJson.Deserialize<object>(_text);
    }

    [Benchmark(Baseline = true, Description = "Typed read (CrdJsonContext)")]
    public int TypedRead()
    {
        var cluster = JsonSerializer.Deserialize(_utf8, CrdJsonContext.Default.ClusterV1Beta2)!;
        return (cluster.Status!.Phase?.Value.Length ?? 0) + cluster.Spec.Topology!.ClassRef!.Name!.Length + cluster.Spec.Topology.Variables!.Count;
    }

    [Benchmark(Description = "Untyped read (KubernetesJson → JsonElement)")]
    public int UntypedElementRead()
    {
        var cluster = (JsonElement)k8s.KubernetesJson.Deserialize<object>(_text);
        var topology = cluster.GetProperty("spec").GetProperty("topology");
        return cluster.GetProperty("status").GetProperty("phase").GetString()!.Length
            + topology.GetProperty("classRef").GetProperty("name").GetString()!.Length
            + topology.GetProperty("variables").GetArrayLength();
    }

    [Benchmark(Description = "Untyped read (JsonNode)")]
    public int UntypedNodeRead()
    {
        var cluster = JsonNode.Parse(_utf8)!;
        var topology = cluster["spec"]!["topology"]!;
        return cluster["status"]!["phase"]!.GetValue<string>().Length + topology["classRef"]!["name"]!.GetValue<string>().Length + topology["variables"]!.AsArray().Count;
    }

    [Benchmark(Description = "Typed update: read, set endpoint and a variable, write")]
    public byte[] TypedUpdate()
    {
        var cluster = JsonSerializer.Deserialize(_utf8, CrdJsonContext.Default.ClusterV1Beta2)!;
        cluster.Spec.ControlPlaneEndpoint = new ClusterControlPlaneEndpoint { Host = "10.0.0.43", Port = 6443 };
        cluster.Spec.Topology!.Variables![0].Value = JsonValue.Create("10.0.0.43");
        return JsonSerializer.SerializeToUtf8Bytes(cluster, CrdJsonContext.Default.ClusterV1Beta2);
    }

    [Benchmark(Description = "Untyped update (KubernetesJson → JsonElement → JsonNode → write)")]
    public string UntypedUpdate()
    {
        var element = (JsonElement)k8s.KubernetesJson.Deserialize<object>(_text);
        var cluster = JsonObject.Create(element)!;
        var spec = cluster["spec"]!;
        spec["controlPlaneEndpoint"] = new JsonObject { ["host"] = "10.0.0.43", ["port"] = 6443 };
        spec["topology"]!["variables"]![0]!["value"] = "10.0.0.43";
        return k8s.KubernetesJson.Serialize(cluster);
    }

    [Benchmark(Description = "Typed write (CrdJsonContext)")]
    public byte[] TypedWrite() => JsonSerializer.SerializeToUtf8Bytes(_typed, CrdJsonContext.Default.ClusterV1Beta2);

    [Benchmark(Description = "Untyped write (KubernetesJson, JsonElement)")]
    public string UntypedElementWrite() => k8s.KubernetesJson.Serialize(_element);

    [Benchmark(Description = "Untyped write (JsonNode)")]
    public string UntypedNodeWrite() => _node.ToJsonString();
}
