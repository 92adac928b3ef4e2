using System.Text.Json.Nodes;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Tests.Infrastructure;
using CapiSdk.Yaml;

namespace CapiSdk.Tests.Schemas;

/// <summary>The CRDs ride inside the CapiSdk assembly, so a test server needs no files on disk.</summary>
public sealed class EmbeddedCrdTests
{
    [Fact]
    public void Every_file_in_crds_is_embedded_with_the_same_text()
    {
        var onDisk = Directory.GetFiles(CrdDocuments.CrdDirectory, "*.yaml", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(CrdDocuments.CrdDirectory, f).Replace('\\', '/'), File.ReadAllText);

        Assert.Equal(onDisk.Keys.Order(StringComparer.Ordinal), CapiSdkCrds.Files.Keys);
        Assert.All(CapiSdkCrds.Files, f => Assert.Equal(onDisk[f.Key], f.Value));
    }

    [Fact]
    public void Every_kind_and_served_version_of_the_embedded_crds_can_be_read_from_a_yaml_stream()
    {
        var served = CapiSdkCrds.Yaml.SelectMany(KubeYaml.ReadDocuments)
            .SelectMany(crd => crd["spec"]!["versions"]!.AsArray().Where(v => (bool?)v!["served"] ?? true)
                .Select(v => ((string)crd["spec"]!["group"]! + "/" + (string)v!["name"]!, (string)crd["spec"]!["names"]!["kind"]!)))
            .Order();

        Assert.Equal(served, CapiSdkKinds.Create().Known.Order());
    }

    [Fact]
    public async Task One_call_serves_the_embedded_crds_from_an_in_process_server()
    {
        await using var server = await ApiServer.StartAsync();
        using var kubernetes = server.CreateClient();

        var created = await new ClusterClient(kubernetes).CreateAsync(new Cluster { Metadata = new() { Name = "one", NamespaceProperty = "default" }, Spec = new() { Paused = true } });

        Assert.Equal("Cluster default/one", created.ToString());
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var resources = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/ipam.cluster.x-k8s.io/v1beta2", UriKind.Relative)))!["resources"]!.AsArray();
        Assert.Contains(resources, r => (string?)r!["name"] == "ipaddressclaims");
    }
}
