using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

public sealed class UpdateTests
{
    [Fact]
    public async Task Update_with_stale_resourceVersion_returns_409_Conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        var first = created.DeepClone().AsObject();
        first["spec"]!["color"] = "blue";
        await client.ReplaceAsync(first);
        var stale = created.DeepClone().AsObject();
        stale["spec"]!["color"] = "green";

        var status = await Widgets.FailsAsync(() => client.ReplaceAsync(stale));

        Assert.Equal(409, status.Code);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Operation cannot be fulfilled on widgets.example.com \"w1\": the object has been modified; please apply your changes to the latest version and try again", status.Message);
    }

    [Fact]
    public async Task Update_of_spec_bumps_generation_and_resourceVersion()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        created["spec"]!["color"] = "blue";

        var updated = await client.ReplaceAsync(created);

        Assert.Equal(2, (long)updated["metadata"]!["generation"]!);
        Assert.True(long.Parse(Widgets.Rv(updated)) > long.Parse(Widgets.Rv(created)));
    }

    [Fact]
    public async Task Update_of_labels_only_keeps_generation()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        created["metadata"]!["labels"] = new JsonObject { ["x"] = "y" };

        var updated = await client.ReplaceAsync(created);

        Assert.Equal(1, (long)updated["metadata"]!["generation"]!);
        Assert.Equal("y", (string?)updated["metadata"]!["labels"]!["x"]);
    }

    [Fact]
    public async Task Update_on_main_endpoint_ignores_status()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        created["status"] = new JsonObject { ["phase"] = "Hacked" };

        var updated = await client.ReplaceAsync(created);

        Assert.Null(updated["status"]);
    }

    [Fact]
    public async Task Update_that_changes_nothing_keeps_the_resourceVersion()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));

        var updated = await client.ReplaceAsync(created.DeepClone().AsObject());

        Assert.Equal(Widgets.Rv(created), Widgets.Rv(updated));
    }

    [Fact]
    public async Task Update_of_missing_object_returns_404_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.ReplaceAsync(Widgets.New("ghost")));

        Assert.Equal(404, status.Code);
    }

    [Fact]
    public async Task Update_with_name_differing_from_url_returns_400_BadRequest()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var (code, status, _) = await http.SendAsync(HttpMethod.Put, "/apis/example.com/v1/namespaces/default/widgets/w1", Widgets.New("w2").ToJsonString());

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status["reason"]);
    }

    [Fact]
    public async Task Status_update_changes_only_status_and_keeps_generation()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        created["status"] = new JsonObject { ["phase"] = "Ready" };
        created["spec"]!["color"] = "blue";

        var updated = await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<JsonObject>(created, "example.com", "v1", "default", "widgets", "w1", cancellationToken: TestContext.Token);

        Assert.Equal("Ready", (string?)updated["status"]!["phase"]);
        Assert.Equal("red", (string?)updated["spec"]!["color"]);
        Assert.Equal(1, (long)updated["metadata"]!["generation"]!);
    }

    [Fact]
    public async Task Without_status_subresource_status_changes_bump_generation()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var gadget = new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Gadget", ["metadata"] = new JsonObject { ["name"] = "g1" }, ["status"] = new JsonObject { ["ready"] = false } };
        var created = await client.CustomObjects.CreateClusterCustomObjectAsync<JsonObject>(gadget, "example.com", "v1", "gadgets", cancellationToken: TestContext.Token);
        created["status"]!["ready"] = true;

        var updated = await client.CustomObjects.ReplaceClusterCustomObjectAsync<JsonObject>(created, "example.com", "v1", "gadgets", "g1", cancellationToken: TestContext.Token);

        Assert.True((bool)updated["status"]!["ready"]!);
        Assert.Equal(2, (long)updated["metadata"]!["generation"]!);
    }

    [Fact]
    public async Task Update_carrying_another_objects_uid_returns_409_Conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var old = await client.CreateAsync(Widgets.New("w1"));
        await client.DeleteWidgetAsync("w1");
        await client.CreateAsync(Widgets.New("w1"));
        old["metadata"]!.AsObject().Remove("resourceVersion");

        var status = await Widgets.FailsAsync(() => client.ReplaceAsync(old));

        Assert.Equal(409, status.Code);
        Assert.Contains("Precondition failed: UID in precondition", status.Message);
    }
}
