using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Lifecycle;

/// <summary>DeleteOptions sent in the body (as kubectl and client-go send them) and in the query, as the real server reads them.</summary>
public sealed class DeleteOptionsTests
{
    private const string W1Path = "/apis/example.com/v1/namespaces/default/widgets/w1";

    [Fact]
    public async Task DryRun_in_the_DeleteOptions_body_does_not_delete()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var http = server.Http();
        await client.CreateAsync(Widgets.New("w1"));

        var (code, body, _) = await http.SendAsync(HttpMethod.Delete, W1Path, """{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}""");
        var still = await client.GetWidgetAsync("w1");

        Assert.Equal(200, code);
        Assert.Equal("w1", (string?)body["metadata"]!["name"]);
        Assert.Equal("w1", (string?)still["metadata"]!["name"]);
    }

    [Fact]
    public async Task DryRun_other_than_All_in_the_body_is_refused()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var http = server.Http();
        await client.CreateAsync(Widgets.New("w1"));

        var (code, body, _) = await http.SendAsync(HttpMethod.Delete, W1Path, """{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["Some"]}""");

        Assert.Equal(422, code);
        Assert.Equal("Invalid", (string?)body["reason"]);
        Assert.Equal("w1", (string?)(await client.GetWidgetAsync("w1"))["metadata"]!["name"]);
    }

    [Fact]
    public async Task A_body_replaces_the_query_options_as_on_the_real_server()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var http = server.Http();
        await client.CreateAsync(Widgets.New("w1"));

        // The real handler decodes DeleteOptions from the body when there is one and reads the query only otherwise,
        // so dryRun=All in the query is not honoured next to a body.
        var (code, _, _) = await http.SendAsync(HttpMethod.Delete, W1Path + "?dryRun=All", """{"kind":"DeleteOptions","apiVersion":"v1"}""");

        Assert.Equal(200, code);
        Assert.Equal(404, (await Widgets.FailsAsync(() => client.GetWidgetAsync("w1"))).Code);
    }

    [Fact]
    public async Task Query_options_apply_when_there_is_no_body()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var http = server.Http();
        await client.CreateAsync(Widgets.New("w1"));

        var (code, body, _) = await http.SendAsync(HttpMethod.Delete, W1Path + "?dryRun=All&propagationPolicy=Foreground");
        var still = await client.GetWidgetAsync("w1");

        Assert.Equal(200, code);
        Assert.Null(body["metadata"]!["deletionTimestamp"]);
        Assert.Null(still["metadata"]!["deletionTimestamp"]);
    }

    [Fact]
    public async Task PropagationPolicy_in_the_body_keeps_the_owner_until_blocking_dependents_are_gone()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var http = server.Http();
        var owner = await client.CreateAsync(Widgets.New("w1"));
        var child = Widgets.New("child");
        child["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["name"] = "w1",
            ["uid"] = (string?)owner["metadata"]!["uid"],
            ["blockOwnerDeletion"] = true,
        });
        child["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await client.CreateAsync(child);

        var (code, body, _) = await http.SendAsync(HttpMethod.Delete, W1Path, """{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"}""");

        Assert.Equal(200, code);
        Assert.NotNull(body["metadata"]!["deletionTimestamp"]);
        Assert.Contains("foregroundDeletion", body["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public async Task Preconditions_in_the_body_are_checked()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var http = server.Http();
        await client.CreateAsync(Widgets.New("w1"));

        var (code, body, _) = await http.SendAsync(HttpMethod.Delete, W1Path, """{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"1"}}""");

        Assert.Equal(409, code);
        Assert.Equal("Conflict", (string?)body["reason"]);
        Assert.StartsWith("Operation cannot be fulfilled on widgets.example.com \"w1\": Precondition failed: ResourceVersion in precondition: 1", (string?)body["message"]);
    }

    [KubectlFact]
    public async Task Kubectl_delete_dry_run_server_does_not_delete()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var kubectl = new Support.Kubectl(server);
        await client.CreateAsync(Widgets.New("w1"));

        var (exit, stdout, stderr) = await kubectl.RunAsync("delete widget w1 --dry-run=server");

        Assert.True(exit == 0, stderr);
        Assert.Contains("w1", stdout);
        Assert.Equal("w1", (string?)(await client.GetWidgetAsync("w1"))["metadata"]!["name"]);
    }
}
