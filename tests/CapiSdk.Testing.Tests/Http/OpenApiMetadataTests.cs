using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Http;

/// <summary>OpenAPI documents that reference ObjectMeta for every kind's metadata, so kubectl explain can walk into it.</summary>
public sealed class OpenApiMetadataTests
{
    [Fact]
    public async Task The_v3_document_references_ObjectMeta_and_carries_its_definitions()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (_, doc, _) = await http.GetJsonAsync("/openapi/v3/apis/example.com/v1");

        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)schemas["com.example.v1.Widget"]!["properties"]!["metadata"]!["allOf"]![0]!["$ref"]);
        Assert.NotNull(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["labels"]);
        Assert.NotNull(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference"]);
        Assert.NotNull(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry"]);
    }

    [Fact]
    public async Task The_v2_JSON_document_has_definitions_for_the_CRD_kinds()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, doc, _) = await http.GetJsonAsync("/openapi/v2");

        Assert.Equal(200, code);
        Assert.Equal("2.0", (string?)doc["swagger"]);
        var definitions = doc["definitions"]!.AsObject();
        Assert.Equal("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)definitions["com.example.v1.Widget"]!["properties"]!["metadata"]!["$ref"]);
        Assert.NotNull(definitions["com.example.v1beta1.Widget"]);
        Assert.NotNull(definitions["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]);
    }

    [KubectlFact]
    public async Task Kubectl_explain_walks_into_metadata()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (exit, output, err) = await kubectl.RunAsync("explain widget.metadata");
        var (labelsExit, labels, labelsErr) = await kubectl.RunAsync("explain widget.metadata.ownerReferences.uid");
        var (kindExit, kind, kindErr) = await kubectl.RunAsync("explain widgets");

        Assert.True(exit == 0, err);
        Assert.Contains("ObjectMeta", output, StringComparison.Ordinal);
        Assert.Contains("labels", output, StringComparison.Ordinal);
        Assert.True(labelsExit == 0, labelsErr);
        Assert.Contains("The owner's uid.", labels, StringComparison.Ordinal);
        Assert.True(kindExit == 0, kindErr);
        Assert.Contains("KIND:       Widget", kind, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Kubectl_explain_reads_the_v2_protobuf_document()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (exit, output, err) = await kubectl.RunAsync("explain widget.metadata --output=plaintext-openapiv2");
        var (specExit, spec, specErr) = await kubectl.RunAsync("explain widget.spec.color --output=plaintext-openapiv2");

        Assert.True(exit == 0, err);
        Assert.True(output.Contains("ownerReferences", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Standard object's metadata.", StringComparison.Ordinal), output);
        Assert.True(specExit == 0, specErr);
        Assert.Contains("FIELD:    color <string>", spec, StringComparison.Ordinal);
    }

    [KubectlAndSharedCrdsFact]
    public async Task Kubectl_explain_cluster_metadata_works_with_the_upstream_Cluster_CRD()
    {
        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(Path.Combine(SharedCrds.Directory!, "cluster-api", "cluster.x-k8s.io_clusters.yaml"));
        await using var server = await KubeApiServer.StartAsync(options, TestContext.Token);
        using var kubectl = new Support.Kubectl(server);

        var (exit, output, err) = await kubectl.RunAsync("explain cluster.metadata");
        var (v2Exit, v2, v2Err) = await kubectl.RunAsync("explain cluster.metadata.labels --output=plaintext-openapiv2");

        Assert.True(exit == 0, err);
        Assert.Contains("ObjectMeta", output, StringComparison.Ordinal);
        Assert.True(v2Exit == 0, v2Err);
        Assert.Contains("labels", v2, StringComparison.Ordinal);
    }
}
