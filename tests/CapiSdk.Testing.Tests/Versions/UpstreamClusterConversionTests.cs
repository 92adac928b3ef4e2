using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Versions;

/// <summary>
/// The upstream Cluster CRD (v1beta1 served, v1beta2 stored; no conversion stanza, so strategy None) written in one
/// version and read in the other, with and without a converter standing in for Cluster API's conversion webhook.
/// </summary>
public sealed class UpstreamClusterConversionTests
{
    private const string V1Beta1 = "/apis/cluster.x-k8s.io/v1beta1/namespaces/default/clusters";
    private const string V1Beta2 = "/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters";

    private static readonly string Cluster = """
        {"apiVersion":"cluster.x-k8s.io/v1beta1","kind":"Cluster","metadata":{"name":"c1"},
         "spec":{"topology":{"class":"quick-start","version":"v1.30.0"}}}
        """;

    private static Task<KubeApiServer> StartAsync(Action<KubeApiServerOptions>? configure = null)
    {
        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(Path.Combine(SharedCrds.Directory!, "cluster-api", "cluster.x-k8s.io_clusters.yaml"));
        configure?.Invoke(options);
        return KubeApiServer.StartAsync(options, TestContext.Token);
    }

    [SharedCrdsFact]
    public async Task A_v1beta1_Cluster_read_as_v1beta2_is_labelled_v1beta2_and_has_no_v1beta1_fields()
    {
        await using var server = await StartAsync();
        using var http = server.Http();

        var (code, _, _) = await http.SendAsync(HttpMethod.Post, V1Beta1, Cluster);
        var (_, asV1Beta2, _) = await http.GetJsonAsync($"{V1Beta2}/c1");

        Assert.Equal(201, code);
        Assert.Equal("cluster.x-k8s.io/v1beta2", (string?)asV1Beta2["apiVersion"]);
        Assert.Null(asV1Beta2["spec"]!["topology"]!["class"]);
        Assert.Equal("v1.30.0", (string?)asV1Beta2["spec"]!["topology"]!["version"]);
    }

    [SharedCrdsFact]
    public async Task With_a_converter_the_v1beta1_class_becomes_the_v1beta2_classRef_and_back()
    {
        await using var server = await StartAsync(o => o.Converters["Cluster.cluster.x-k8s.io"] = ClassToClassRef);
        using var http = server.Http();

        await http.SendAsync(HttpMethod.Post, V1Beta1, Cluster);
        var (_, asV1Beta2, _) = await http.GetJsonAsync($"{V1Beta2}/c1");
        var (_, asV1Beta1, _) = await http.GetJsonAsync($"{V1Beta1}/c1");

        Assert.Equal("quick-start", (string?)asV1Beta2["spec"]!["topology"]!["classRef"]!["name"]);
        Assert.Equal("quick-start", (string?)asV1Beta1["spec"]!["topology"]!["class"]);
    }

    /// <summary>The one difference this test needs: v1beta1 spec.topology.class is v1beta2 spec.topology.classRef.name.</summary>
    private static IReadOnlyList<JsonObject> ClassToClassRef(Conversion.ConversionRequest request)
    {
        foreach (var o in request.Objects)
        {
            if (o["spec"]?["topology"] is JsonObject topology)
            {
                if (request.DesiredApiVersion.EndsWith("/v1beta2", StringComparison.Ordinal) && topology["class"] is { } cls)
                {
                    topology.Remove("class");
                    topology["classRef"] = new JsonObject { ["name"] = cls.DeepClone() };
                }
                else if (request.DesiredApiVersion.EndsWith("/v1beta1", StringComparison.Ordinal) && topology["classRef"]?["name"] is { } name)
                {
                    topology.Remove("classRef");
                    topology["class"] = name.DeepClone();
                }
            }
            o["apiVersion"] = request.DesiredApiVersion;
        }
        return request.Objects;
    }
}
