using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>x-kubernetes-list-type map and set uniqueness, worded as apiextensions-apiserver's listtype validation words it.</summary>
public sealed class ListTypeValidationTests
{
    [Fact]
    public async Task Two_list_map_items_with_one_key_return_422_Duplicate_value_on_the_second()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"variables":[{"name":"x","value":"1"},{"name":"x","value":"2"}]}""")));

        Assert.Equal(422, status.Code);
        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("Rule.example.com \"r1\" is invalid: spec.variables[1]: Duplicate value: map[string]interface {}{\"name\":\"x\"}", status.Message);
        var cause = status.Details!["causes"]![0]!;
        Assert.Equal("FieldValueDuplicate", (string?)cause["reason"]);
        Assert.Equal("spec.variables[1]", (string?)cause["field"]);
    }

    [Fact]
    public async Task A_list_map_with_two_keys_reports_both_keys_of_the_duplicate()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1",
            """{"ports":[{"port":80,"protocol":"TCP"},{"port":80,"protocol":"UDP"},{"port":80,"protocol":"TCP"}]}""")));

        Assert.Equal(422, status.Code);
        Assert.Equal("spec.ports[2]: Duplicate value: map[string]interface {}{\"port\":80, \"protocol\":\"TCP\"}", Rules.Causes(status));
    }

    [Fact]
    public async Task A_repeated_item_in_a_list_type_set_returns_422_Duplicate_value()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"tags":["a","b","a","a"]}""")));

        Assert.Equal(422, status.Code);
        Assert.Equal("spec.tags[2]: Duplicate value: \"a\"", Rules.Causes(status));
        Assert.Equal("FieldValueDuplicate", (string?)status.Details!["causes"]![0]!["reason"]);
    }

    [Fact]
    public async Task Distinct_keys_and_items_are_accepted()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CreateRuleAsync(Rules.New("r1", """{"variables":[{"name":"x"},{"name":"y"}],"tags":["a","b"],"ports":[{"port":80,"protocol":"TCP"},{"port":80,"protocol":"UDP"}]}"""));

        Assert.Equal(2, created["spec"]!["variables"]!.AsArray().Count);
    }

    [SharedCrdsFact]
    public async Task Cluster_with_two_topology_variables_of_one_name_is_refused()
    {
        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(Path.Combine(SharedCrds.Directory!, "cluster-api", "cluster.x-k8s.io_clusters.yaml"));
        await using var server = await KubeApiServer.StartAsync(options, TestContext.Token);
        using var client = server.CreateClient();
        var cluster = System.Text.Json.Nodes.JsonNode.Parse("""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster","metadata":{"name":"c1"},
             "spec":{"topology":{"classRef":{"name":"cc"},"version":"v1.30.0",
               "variables":[{"name":"x","value":1},{"name":"x","value":2}]}}}
            """)!.AsObject();

        var status = await Widgets.FailsAsync(() => client.CustomObjects.CreateNamespacedCustomObjectAsync<System.Text.Json.Nodes.JsonObject>(cluster, "cluster.x-k8s.io", "v1beta2", "default", "clusters", cancellationToken: TestContext.Token));

        Assert.Equal(422, status.Code);
        Assert.Contains("spec.topology.variables[1]: Duplicate value: map[string]interface {}{\"name\":\"x\"}", status.Message);
    }
}
