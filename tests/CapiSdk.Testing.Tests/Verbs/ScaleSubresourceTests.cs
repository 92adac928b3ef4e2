using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

/// <summary>The scale subresource of a CRD that declares subresources.scale (apiextensions ScaleREST).</summary>
public sealed class ScaleSubresourceTests
{
    [Fact]
    public async Task Get_scale_returns_an_autoscaling_v1_Scale_from_the_declared_paths()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1", replicas: 3));
        await MachineDeployments.SetStatusAsync(http, "md1", new JsonObject { ["replicas"] = 2, ["selector"] = "md=md1" });

        var (code, scale, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1/scale");
        var (_, md, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1");

        Assert.Equal(200, code);
        Assert.Equal("autoscaling/v1", (string?)scale["apiVersion"]);
        Assert.Equal("Scale", (string?)scale["kind"]);
        Assert.Equal("md1", (string?)scale["metadata"]!["name"]);
        Assert.Equal((string?)md["metadata"]!["resourceVersion"], (string?)scale["metadata"]!["resourceVersion"]);
        Assert.Equal(3, (int)scale["spec"]!["replicas"]!);
        Assert.Equal(2, (int)scale["status"]!["replicas"]!);
        Assert.Equal("md=md1", (string?)scale["status"]!["selector"]);
    }

    [Fact]
    public async Task Put_and_patch_of_scale_change_only_spec_replicas()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1", replicas: 1));
        var (_, scale, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1/scale");
        scale["spec"]!["replicas"] = 4;

        var (putCode, put, _) = await http.SendAsync(HttpMethod.Put, $"{MachineDeployments.Path}/md1/scale", scale.ToJsonString());
        var (patchCode, patched, _) = await http.SendAsync(HttpMethod.Patch, $"{MachineDeployments.Path}/md1/scale", """{"spec":{"replicas":5}}""", "application/merge-patch+json");
        var (_, md, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1");

        Assert.Equal(200, putCode);
        Assert.Equal(4, (int)put["spec"]!["replicas"]!);
        Assert.Equal(200, patchCode);
        Assert.Equal(5, (int)patched["spec"]!["replicas"]!);
        Assert.Equal(5, (int)md["spec"]!["replicas"]!);
        Assert.Equal("c1", (string?)md["spec"]!["clusterName"]);
        Assert.Equal(3, (int)md["metadata"]!["generation"]!);
    }

    [Fact]
    public async Task A_stale_resourceVersion_in_the_Scale_is_409_and_negative_replicas_are_422()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1"));
        var (_, scale, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1/scale");
        await http.SendAsync(HttpMethod.Patch, $"{MachineDeployments.Path}/md1/scale", """{"spec":{"replicas":2}}""", "application/merge-patch+json");
        scale["spec"]!["replicas"] = 7;

        var (staleCode, stale, _) = await http.SendAsync(HttpMethod.Put, $"{MachineDeployments.Path}/md1/scale", scale.ToJsonString());
        var (negativeCode, negative, _) = await http.SendAsync(HttpMethod.Patch, $"{MachineDeployments.Path}/md1/scale", """{"spec":{"replicas":-1}}""", "application/merge-patch+json");

        Assert.Equal(409, staleCode);
        Assert.Equal("Conflict", (string?)stale["reason"]);
        Assert.Equal(422, negativeCode);
        Assert.Equal("Scale.autoscaling \"md1\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", (string?)negative["message"]);
    }

    [Fact]
    public async Task Discovery_lists_the_scale_subresource_as_autoscaling_v1_Scale()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();

        var (_, list, _) = await http.GetJsonAsync("/apis/example.com/v1");

        var scale = list["resources"]!.AsArray().Single(r => (string?)r!["name"] == "machinedeployments/scale")!;
        Assert.Equal("Scale", (string?)scale["kind"]);
        Assert.Equal("autoscaling", (string?)scale["group"]);
        Assert.Equal("v1", (string?)scale["version"]);
        Assert.Equal(["get", "patch", "update"], scale["verbs"]!.AsArray().Select(v => (string)v!).ToList());
    }

    [Fact]
    public async Task A_CRD_without_a_scale_subresource_answers_404_for_scale()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", Widgets.New("w1").ToJsonString());

        var (code, _, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets/w1/scale");

        Assert.Equal(404, code);
    }

    [KubectlFact]
    public async Task Kubectl_scale_sets_the_replicas()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1", replicas: 1));
        using var kubectl = new Support.Kubectl(server);

        var (exit, output, err) = await kubectl.RunAsync("scale machinedeployment md1 --replicas=3");
        var (_, md, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1");

        Assert.True(exit == 0, err);
        Assert.Contains("machinedeployment.example.com/md1 scaled", output, StringComparison.Ordinal);
        Assert.Equal(3, (int)md["spec"]!["replicas"]!);
    }
}
