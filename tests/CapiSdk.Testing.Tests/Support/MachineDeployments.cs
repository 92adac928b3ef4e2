using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>The MachineDeployment-shaped fixture CRD (scale subresource, printer columns with filters).</summary>
internal static class MachineDeployments
{
    public const string Path = "/apis/example.com/v1/namespaces/default/machinedeployments";

    public static Task<KubeApiServer> StartAsync()
    {
        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(TestServer.Fixture("machinedeployments.example.com.yaml"));
        return KubeApiServer.StartAsync(options, TestContext.Token);
    }

    public static string New(string name, int replicas = 1) => new JsonObject
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "MachineDeployment",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["clusterName"] = "c1", ["replicas"] = replicas, ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["md"] = name } } },
    }.ToJsonString();

    /// <summary>Sets status (replicas, selector, conditions) through the status subresource.</summary>
    public static async Task SetStatusAsync(HttpClient http, string name, JsonObject status)
    {
        var (_, current, _) = await http.GetJsonAsync($"{Path}/{name}");
        current["status"] = status;
        var (code, body, _) = await http.SendAsync(HttpMethod.Put, $"{Path}/{name}/status", current.ToJsonString());
        Assert.True(code == 200, body.ToJsonString());
    }
}
