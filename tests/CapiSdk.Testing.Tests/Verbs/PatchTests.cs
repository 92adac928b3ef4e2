using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

public sealed class PatchTests
{
    [Fact]
    public async Task Merge_patch_sets_and_removes_fields()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1", replicas: 2, labels: new JsonObject { ["a"] = "1", ["b"] = "2" }));

        var patched = await client.PatchAsync("w1", """{"metadata":{"labels":{"a":null}},"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch);

        Assert.Equal(5, (int)patched["spec"]!["replicas"]!);
        Assert.Null(patched["metadata"]!["labels"]!["a"]);
        Assert.Equal("2", (string?)patched["metadata"]!["labels"]!["b"]);
    }

    [Fact]
    public async Task Json_patch_applies_operations_in_order()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var patched = await client.PatchAsync("w1", """[{"op":"test","path":"/spec/color","value":"red"},{"op":"replace","path":"/spec/color","value":"blue"},{"op":"add","path":"/spec/tags","value":["x"]}]""", V1Patch.PatchType.JsonPatch);

        Assert.Equal("blue", (string?)patched["spec"]!["color"]);
        Assert.Equal("x", (string?)patched["spec"]!["tags"]![0]);
    }

    [Fact]
    public async Task Json_patch_with_failing_test_returns_422_and_changes_nothing()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", """[{"op":"test","path":"/spec/color","value":"green"},{"op":"replace","path":"/spec/color","value":"blue"}]""", V1Patch.PatchType.JsonPatch));

        Assert.Equal(422, status.Code);
        Assert.Equal(Widgets.Rv(created), Widgets.Rv(await client.GetWidgetAsync("w1")));
    }

    [Fact]
    public async Task Merge_patch_carrying_a_stale_resourceVersion_returns_409_Conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));
        await client.PatchAsync("w1", """{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch);

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", "{\"metadata\":{\"resourceVersion\":\"" + Widgets.Rv(created) + "\"},\"spec\":{\"replicas\":4}}", V1Patch.PatchType.MergePatch));

        Assert.Equal(409, status.Code);
        Assert.Equal("Conflict", status.Reason);
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_returns_415_UnsupportedMediaType()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", """{"spec":{"replicas":3}}""", V1Patch.PatchType.StrategicMergePatch));

        Assert.Equal(415, status.Code);
        Assert.Equal("UnsupportedMediaType", status.Reason);
    }

    [Fact]
    public async Task Patch_of_status_subresource_changes_only_status()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<JsonObject>(
            new V1Patch("""{"spec":{"color":"blue"},"status":{"phase":"Ready"}}""", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "widgets", "w1", cancellationToken: TestContext.Token);

        Assert.Equal("Ready", (string?)patched["status"]!["phase"]);
        Assert.Equal("red", (string?)patched["spec"]!["color"]);
    }

    [Fact]
    public async Task Post_on_an_object_path_returns_405_MethodNotAllowed()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets/w1", "{}");

        Assert.Equal(405, code);
        Assert.Equal("MethodNotAllowed", (string?)status["reason"]);
    }

    [Fact]
    public async Task Patch_with_unknown_content_type_returns_415()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/w1", "{}", "text/plain");

        Assert.Equal(415, code);
        Assert.Equal("UnsupportedMediaType", (string?)status["reason"]);
    }

    [Fact]
    public async Task Malformed_json_body_returns_400_BadRequest()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", "{not json");

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status["reason"]);
    }

    [Fact]
    public async Task Deletecollection_across_all_namespaces_returns_405_MethodNotAllowed()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Delete, "/apis/example.com/v1/widgets");

        Assert.Equal(405, code);
        Assert.Equal("MethodNotAllowed", (string?)status["reason"]);
    }

    [Fact]
    public async Task Apply_to_the_status_of_a_missing_object_returns_404_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, _, _) = await http.SendAsync(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/ghost/status?fieldManager=c",
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"ghost"},"status":{"phase":"x"}}""", "application/apply-patch+yaml");

        Assert.Equal(404, code);
    }
}
