using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Lifecycle;

/// <summary>The NamespaceLifecycle admission plugin's immortal namespaces.</summary>
public sealed class ProtectedNamespaceTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    public async Task Deleting_a_system_namespace_returns_403_Forbidden(string name)
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, body, _) = await http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{name}");
        var (after, ns, _) = await http.GetJsonAsync($"/api/v1/namespaces/{name}");

        Assert.Equal(403, code);
        Assert.Equal("Forbidden", (string?)body["reason"]);
        Assert.Equal($"namespaces \"{name}\" is forbidden: this namespace may not be deleted", (string?)body["message"]);
        Assert.Equal("namespaces", (string?)body["details"]!["kind"]);
        Assert.Equal(200, after);
        Assert.Equal("Active", (string?)ns["status"]!["phase"]);
    }

    [Fact]
    public async Task Kube_node_lease_and_other_namespaces_can_be_deleted()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, _, _) = await http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/kube-node-lease");

        Assert.Equal(200, code);
    }

    [KubectlFact]
    public async Task Kubectl_delete_namespace_default_is_forbidden()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (exit, _, stderr) = await kubectl.RunAsync("delete namespace default");

        Assert.NotEqual(0, exit);
        Assert.Contains("Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted", stderr);
    }
}
