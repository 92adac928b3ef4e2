using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

/// <summary>dryRun=All on update, apply and the scale subresource: answered as if written, nothing stored, no event.</summary>
public sealed class DryRunWriteTests
{
    [Fact]
    public async Task Dry_run_update_apply_and_scale_store_nothing_and_emit_no_event()
    {
        await using var server = await MachineDeployments.StartAsync();
        using var http = server.Http();
        var (_, created, _) = await http.SendAsync(HttpMethod.Post, MachineDeployments.Path, MachineDeployments.New("md1", replicas: 1));
        var before = server.ResourceVersion;
        created["spec"]!["replicas"] = 4;

        var (putCode, put, _) = await http.SendAsync(HttpMethod.Put, $"{MachineDeployments.Path}/md1?dryRun=All", created.ToJsonString());
        var (applyCode, applied, _) = await http.SendAsync(HttpMethod.Patch, $"{MachineDeployments.Path}/md2?dryRun=All&fieldManager=test",
            """{"apiVersion":"example.com/v1","kind":"MachineDeployment","metadata":{"name":"md2"},"spec":{"replicas":2}}""", "application/apply-patch+yaml");
        var (scaleCode, scaled, _) = await http.SendAsync(HttpMethod.Patch, $"{MachineDeployments.Path}/md1/scale?dryRun=All", """{"spec":{"replicas":7}}""", "application/merge-patch+json");
        var (_, stored, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md1");
        var (missingCode, _, _) = await http.GetJsonAsync($"{MachineDeployments.Path}/md2");

        Assert.Equal(200, putCode);
        Assert.Equal(4, (int)put["spec"]!["replicas"]!);
        Assert.Equal(201, applyCode);
        Assert.Equal(2, (int)applied["spec"]!["replicas"]!);
        Assert.Equal(200, scaleCode);
        Assert.Equal(7, (int)scaled["spec"]!["replicas"]!);
        Assert.Equal(1, (int)stored["spec"]!["replicas"]!);
        Assert.Equal(404, missingCode);
        Assert.Equal(before, server.ResourceVersion);
    }
}
