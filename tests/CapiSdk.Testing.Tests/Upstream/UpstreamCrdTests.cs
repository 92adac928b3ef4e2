using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Upstream;

public sealed class UpstreamCrdTests(UpstreamServer upstream) : IClassFixture<UpstreamServer>
{
    private KubeApiServer Server => upstream.Server;

    [SharedCrdsFact]
    public async Task Every_upstream_CRD_is_served_in_every_version()
    {
        using var http = Server.Http();

        var (_, v1beta2, _) = await http.GetJsonAsync("/apis/cluster.x-k8s.io/v1beta2");
        var (_, v1beta1, _) = await http.GetJsonAsync("/apis/cluster.x-k8s.io/v1beta1");
        var (_, ipam, _) = await http.GetJsonAsync("/apis/ipam.cluster.x-k8s.io/v1alpha2");

        var names = v1beta2["resources"]!.AsArray().Select(r => (string)r!["name"]!).ToList();
        Assert.Contains("clusters", names);
        Assert.Contains("machines", names);
        Assert.Contains("machinedeployments", names);
        Assert.Contains(v1beta1["resources"]!.AsArray(), r => (string?)r!["name"] == "clusters");
        Assert.Contains(ipam["resources"]!.AsArray(), r => (string?)r!["name"] == "inclusterippools");
    }

    /// <summary>How long the start takes is a benchmark figure (tests/CapiSdk.Testing.Benchmarks), not an assertion.</summary>
    [SharedCrdsFact]
    public async Task Server_with_all_upstream_CRDs_starts_and_lists_every_kind_in_every_served_version()
    {
        using var http = Server.Http();

        var served = 0;
        foreach (var file in SharedCrds.All)
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, TestContext.Token));
            foreach (var version in crd.Spec.Versions.Where(v => v.Served))
            {
                var prefix = $"/apis/{crd.Spec.Group}/{version.Name}";
                var (_, discovery, _) = await http.GetJsonAsync(prefix);
                var (code, list, _) = await http.GetJsonAsync($"{prefix}/{crd.Spec.Names.Plural}");

                Assert.Contains(discovery["resources"]!.AsArray(), r => (string?)r!["name"] == crd.Spec.Names.Plural);
                Assert.True(code == 200, $"GET {prefix}/{crd.Spec.Names.Plural} answered {code}: {list}");
                Assert.Equal(crd.Spec.Names.Kind + "List", (string?)list["kind"]);
                served++;
            }
        }

        Assert.True(served >= SharedCrds.All.Count, $"{served} kind-versions served for {SharedCrds.All.Count} CRDs");
    }

    [SharedCrdsFact]
    public async Task Cluster_with_an_invalid_enum_in_a_list_item_is_rejected_naming_the_item_field()
    {
        using var client = Server.CreateClient();
        var cluster = JsonNode.Parse("""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster","metadata":{"name":"invalid-gate"},
             "spec":{"availabilityGates":[{"conditionType":"Ready","polarity":"Sideways"}]}}
            """)!.AsObject();

        var status = await Widgets.FailsAsync(() => client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(cluster, "cluster.x-k8s.io", "v1beta2", "default", "clusters", cancellationToken: TestContext.Token));

        Assert.Equal(422, status.Code);
        Assert.Equal("spec.availabilityGates[0].polarity", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [SharedCrdsFact]
    public async Task InClusterIPPool_missing_required_fields_is_rejected_and_a_valid_one_is_created()
    {
        using var client = Server.CreateClient();
        JsonObject Pool(string spec) => JsonNode.Parse($$"""{"apiVersion":"ipam.cluster.x-k8s.io/v1alpha2","kind":"InClusterIPPool","metadata":{"name":"pool"},"spec":{{spec}}}""")!.AsObject();

        var status = await Widgets.FailsAsync(() => client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Pool("""{"prefix":24}"""), "ipam.cluster.x-k8s.io", "v1alpha2", "default", "inclusterippools", cancellationToken: TestContext.Token));
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Pool("""{"addresses":["10.0.0.10-10.0.0.20"],"prefix":24,"gateway":"10.0.0.1"}"""), "ipam.cluster.x-k8s.io", "v1alpha2", "default", "inclusterippools", cancellationToken: TestContext.Token);

        Assert.Equal("spec.addresses", (string?)status.Details!["causes"]![0]!["field"]);
        Assert.Equal(24, (int)created["spec"]!["prefix"]!);
    }

    [SharedCrdsFact]
    public async Task Server_side_apply_merges_upstream_list_maps_by_their_keys()
    {
        using var client = Server.CreateClient();
        JsonObject Cluster(string gate) => new()
        {
            ["apiVersion"] = "cluster.x-k8s.io/v1beta2",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = "c1" },
            ["spec"] = new JsonObject { ["availabilityGates"] = new JsonArray(new JsonObject { ["conditionType"] = gate }) },
        };

        await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new V1Patch(Cluster("A").ToJsonString(), V1Patch.PatchType.ApplyPatch), "cluster.x-k8s.io", "v1beta2", "default", "clusters", "c1", fieldManager: "one", cancellationToken: TestContext.Token);
        var merged = await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new V1Patch(Cluster("B").ToJsonString(), V1Patch.PatchType.ApplyPatch), "cluster.x-k8s.io", "v1beta2", "default", "clusters", "c1", fieldManager: "two", cancellationToken: TestContext.Token);

        Assert.Equal(["A", "B"], merged["spec"]!["availabilityGates"]!.AsArray().Select(g => (string)g!["conditionType"]!).ToList());
    }
}
