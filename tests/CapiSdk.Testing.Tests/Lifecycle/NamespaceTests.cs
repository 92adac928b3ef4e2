using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Lifecycle;

public sealed class NamespaceTests
{
    [Fact]
    public async Task Create_with_a_body_namespace_other_than_the_url_returns_400_BadRequest()
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("other"));
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["metadata"]!["namespace"] = "other";

        var status = await Widgets.FailsAsync(() => client.CreateAsync(w, ns: "default"));

        Assert.Equal(400, status.Code);
        Assert.Equal("the namespace of the provided object does not match the namespace sent on the request", status.Message);
    }

    [Fact]
    public async Task Create_in_a_terminating_namespace_returns_403_Forbidden()
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("closing"));
        using var client = server.CreateClient();
        var held = Widgets.New("held");
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await client.CreateAsync(held, ns: "closing");
        await client.CoreV1.DeleteNamespaceAsync("closing", cancellationToken: TestContext.Token);

        var status = await Widgets.FailsAsync(() => client.CreateAsync(Widgets.New("late"), ns: "closing"));
        var ns = await client.CoreV1.ReadNamespaceAsync("closing", cancellationToken: TestContext.Token);

        Assert.Equal(403, status.Code);
        Assert.Equal("Forbidden", status.Reason);
        Assert.Equal("Terminating", ns.Status.Phase);
    }

    [Fact]
    public async Task Namespace_stays_Terminating_until_its_last_object_loses_its_finalizers()
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("closing"));
        using var client = server.CreateClient();
        var held = Widgets.New("held");
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await client.CreateAsync(held, ns: "closing");
        await client.CoreV1.DeleteNamespaceAsync("closing", cancellationToken: TestContext.Token);

        using var changes = server.Changes.Subscribe();
        await client.PatchAsync("held", """{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch, ns: "closing");
        await changes.WaitForAsync(c => c.Type == Diagnostics.ChangeType.Deleted && c.Resource == "namespaces" && c.Name == "closing", TestContext.Token);

        var e = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoreV1.ReadNamespaceAsync("closing", cancellationToken: TestContext.Token));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.Response.StatusCode);
    }
}
