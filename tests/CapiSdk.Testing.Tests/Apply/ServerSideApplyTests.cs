using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Apply;

public sealed class ServerSideApplyTests
{
    private static string Config(string spec, string name = "w1") =>
        $$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"{{name}}"},"spec":{{spec}}}""";

    [Fact]
    public async Task Apply_creates_a_missing_object_and_records_managedFields()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var applied = await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var entry = applied["metadata"]!["managedFields"]![0]!;
        Assert.Equal("alice", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        Assert.Equal("""{"f:spec":{"f:color":{},"f:replicas":{}}}""", entry["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task Apply_of_a_field_another_manager_owns_with_a_different_value_returns_409_Conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", Config("""{"color":"red","replicas":3}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob"));

        Assert.Equal(409, status.Code);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"alice\": .spec.replicas", status.Message);
        Assert.Equal("FieldManagerConflict", (string?)status.Details!["causes"]![0]!["reason"]);
        Assert.Equal(".spec.replicas", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Apply_of_the_same_value_shares_ownership_without_conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob");

        Assert.Equal(2, applied["metadata"]!["managedFields"]!.AsArray().Count);
    }

    [Fact]
    public async Task Forced_apply_takes_ownership_from_the_other_manager()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"replicas":3}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob", force: true);

        Assert.Equal(3, (int)applied["spec"]!["replicas"]!);
        var alice = applied["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "alice");
        Assert.Equal("""{"f:spec":{"f:color":{}}}""", alice!["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task Apply_that_stops_setting_a_field_removes_it()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","tags":["a"],"owner":"a@example.com"}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"color":"red","tags":["a"]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Null(applied["spec"]!["owner"]);
    }

    [Fact]
    public async Task Apply_merges_list_map_items_by_key_across_managers()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","ports":[{"name":"http","port":80}]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"ports":[{"name":"metrics","port":9090}]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob");

        var ports = applied["spec"]!["ports"]!.AsArray().Select(p => (string)p!["name"]!).ToList();
        Assert.Equal(["http", "metrics"], ports);
        var bob = applied["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "bob");
        Assert.Equal("""{"f:spec":{"f:ports":{"k:{\u0022name\u0022:\u0022metrics\u0022}":{".":{},"f:name":{},"f:port":{}}}}}""", bob!["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task Apply_unions_list_set_items_across_managers()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","tags":["a"]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"tags":["b"]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob");

        Assert.Equal(["a", "b"], applied["spec"]!["tags"]!.AsArray().Select(t => (string)t!).ToList());
    }

    [Fact]
    public async Task Update_takes_ownership_so_a_later_apply_conflicts_with_the_updater()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        await client.PatchAsync("w1", """{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch, fieldManager: "controller");

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice"));

        Assert.Contains("conflict with \"controller\" using example.com/v1: .spec.replicas", status.Message);
    }

    [Fact]
    public async Task Apply_without_fieldManager_returns_422_Invalid()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/w1", Config("""{"color":"red"}"""), "application/apply-patch+yaml");

        Assert.Equal(422, code);
        Assert.Equal("Invalid", (string?)status["reason"]);
    }

    [Fact]
    public async Task Apply_accepts_yaml_bodies()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        const string yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  color: red\n  replicas: 4\n";

        var (code, obj, _) = await http.SendAsync(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/w1?fieldManager=yaml", yaml, "application/apply-patch+yaml");

        Assert.Equal(201, code);
        Assert.Equal(4, (int)obj["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Update_that_sends_back_managedFields_with_reformatted_times_is_still_tracked()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        var current = await client.GetWidgetAsync("w1");
        foreach (var e in current["metadata"]!["managedFields"]!.AsArray())
        {
            e!["time"] = ((string)e["time"]!).Replace("Z", ".000000Z", StringComparison.Ordinal);
        }
        current["spec"]!["replicas"] = 4;

        var updated = await client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(current, "example.com", "v1", "default", "widgets", "w1", fieldManager: "controller", cancellationToken: TestContext.Token);

        var controller = updated["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "controller")!;
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", controller["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_that_clears_managedFields_resets_ownership()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var reset = await client.PatchAsync("w1", """{"metadata":{"managedFields":[{}]}}""", V1Patch.PatchType.MergePatch);

        Assert.Null(reset["metadata"]!["managedFields"]);
    }

    [Fact]
    public async Task Apply_reads_a_JSON_body_as_YAML_does_floats_that_are_whole_numbers_and_escapes_included()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        // The real server decodes an apply patch as YAML: 2.0 is the number 2 (valid for an integer field), \u0062 is "b".
        var applied = await client.PatchAsync("w1", Config("""{"color":"\u0062lue","replicas":2.0}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Equal("blue", (string?)applied["spec"]!["color"]);
        Assert.Equal("2", applied["spec"]!["replicas"]!.ToJsonString());
    }
}
