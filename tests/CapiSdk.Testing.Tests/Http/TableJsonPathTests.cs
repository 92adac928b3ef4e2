using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Http;

/// <summary>
/// Printer columns evaluated with the client-go JSONPath, as the CRD TableConvertor does
/// (apiextensions-apiserver registry/customresource/tableconvertor): filters work, a missing value is a nil cell.
/// </summary>
public sealed class TableJsonPathTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    [Fact]
    public async Task A_filter_column_prints_the_matching_items_value_and_missing_values_are_null_cells()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1"));
        await MachineDeployments.SetStatusAsync(http, "md1", new JsonObject
        {
            ["replicas"] = 2,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "False" }, new JsonObject { ["type"] = "Available", ["status"] = "True" }),
        });
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", TableAccept);

        var (_, table, _) = await http.GetJsonAsync(MachineDeployments.Path);

        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal(["Name", "Replicas", "Available", "Phase"], table["columnDefinitions"]!.AsArray().Select(c => (string)c!["name"]!).ToList());
        Assert.Equal("md1", (string?)cells[0]);
        Assert.Equal(2, (long)cells[1]!);
        Assert.Equal("True", (string?)cells[2]);
        Assert.Null(cells[3]);
    }

    [KubectlFact]
    public async Task Kubectl_get_prints_filter_columns_and_leaves_missing_cells_blank()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1"));
        await MachineDeployments.SetStatusAsync(http, "md1", new JsonObject
        {
            ["replicas"] = 2,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Available", ["status"] = "True" }),
        });
        using var kubectl = new Support.Kubectl(server);

        var (exit, output, err) = await kubectl.RunAsync("get machinedeployments");

        Assert.True(exit == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+REPLICAS\s+AVAILABLE\s+PHASE\s*$", lines[0]);
        Assert.Matches(@"^md1\s+2\s+True\s*$", lines[1]);
        Assert.DoesNotContain("<none>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "[\"False\"]")]
    [InlineData(".status.conditions[?(@.type!=\"Ready\")].type", "[\"Available\",\"Progressing\"]")]
    [InlineData(".status.conditions[?(@.count>2)].type", "[\"Progressing\"]")]
    [InlineData(".status.conditions[?(@.count<2)].type", "[\"Ready\"]")]
    [InlineData(".status.conditions[?(@.reason)].type", "[\"Available\"]")]
    [InlineData(".status.conditions[*].type", "[\"Ready\",\"Available\",\"Progressing\"]")]
    [InlineData(".status.conditions[-1].type", "[\"Progressing\"]")]
    [InlineData(".status.conditions[0:2].type", "[\"Ready\",\"Available\"]")]
    [InlineData(".status.conditions[0,2].type", "[\"Ready\",\"Progressing\"]")]
    [InlineData("{.metadata.labels['app.kubernetes.io/name']}", "[\"web\"]")]
    [InlineData(".metadata.labels.*", "[\"web\"]")]
    [InlineData("..reason", "[\"MinimumReplicasAvailable\"]")]
    [InlineData(".status.missing.deeper", "[]")]
    public void JsonPath_selects_what_client_go_jsonpath_selects(string path, string expected)
    {
        var obj = JsonNode.Parse("""
            {"metadata":{"labels":{"app.kubernetes.io/name":"web"}},
             "status":{"conditions":[
               {"type":"Ready","status":"False","count":1},
               {"type":"Available","status":"True","reason":"MinimumReplicasAvailable","count":2},
               {"type":"Progressing","status":"True","count":3}]}}
            """)!;

        var results = Testing.Http.JsonPath.Evaluate(obj, path);

        Assert.Equal(expected, new JsonArray(results.Select(r => r.DeepClone()).ToArray()).ToJsonString());
    }
}
