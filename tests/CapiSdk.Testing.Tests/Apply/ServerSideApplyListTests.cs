using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Apply;

public sealed class ServerSideApplyListTests
{
    private static string Config(string spec) =>
        $$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{{spec}}}""";

    [Fact]
    public async Task Apply_that_drops_a_list_map_item_removes_it_when_no_one_else_owns_it()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","ports":[{"name":"http","port":80},{"name":"metrics","port":9090}]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"color":"red","ports":[{"name":"http","port":80}]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Equal(["http"], applied["spec"]!["ports"]!.AsArray().Select(p => (string)p!["name"]!).ToList());
    }

    [Fact]
    public async Task Apply_that_drops_a_list_map_item_another_manager_also_applied_keeps_it()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","ports":[{"name":"http","port":80}]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        await client.PatchAsync("w1", Config("""{"ports":[{"name":"http","port":80}]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob");

        var applied = await client.PatchAsync("w1", Config("""{"color":"red"}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Equal(80, (int)applied["spec"]!["ports"]![0]!["port"]!);
    }

    [Fact]
    public async Task Atomic_list_is_one_field_so_a_different_list_from_another_manager_conflicts()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","config":{"args":["a"]}}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        await client.PatchAsync("w1", Config("""{"color":"red"}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "carol");

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", Config("""{"config":{"args":["b"]}}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob"));

        Assert.Equal(".spec.config.args", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Applying_an_empty_spec_removes_every_field_the_manager_alone_owned()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        await client.PatchAsync("w1", Config("""{"owner":"a@example.com","tags":["x"]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("{}"), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Null(applied["spec"]!["owner"]);
        Assert.Null(applied["spec"]!["tags"]);
        Assert.Equal("red", (string?)applied["spec"]!["color"]);
    }

    [Fact]
    public async Task Several_conflicts_are_listed_per_manager_as_the_real_server_words_them()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","replicas":2}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", Config("""{"color":"blue","replicas":3}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob"));

        Assert.Equal("Apply failed with 2 conflicts: conflicts with \"alice\":\n- .spec.color\n- .spec.replicas", status.Message);
        Assert.Equal(2, status.Details!["causes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Labels_applied_by_two_managers_are_removed_only_by_their_owner()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        string WithLabels(string labels) => $$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","labels":{{{labels}}}},"spec":{"color":"red"}}""";
        await client.PatchAsync("w1", WithLabels("""{"a":"1"}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        await client.PatchAsync("w1", WithLabels("""{"b":"2"}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob");

        var applied = await client.PatchAsync("w1", WithLabels("{}"), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Equal("""{"b":"2"}""", applied["metadata"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public async Task Set_items_appear_in_conflict_paths_with_their_value()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", Config("""{"color":"red","tags":["a"]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        var applied = await client.PatchAsync("w1", Config("""{"tags":["a","b"]}"""), V1Patch.PatchType.ApplyPatch, fieldManager: "bob");

        var bob = applied["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "bob")!;
        Assert.Equal("""{"f:spec":{"f:tags":{"v:\u0022a\u0022":{},"v:\u0022b\u0022":{}}}}""", bob["fieldsV1"]!.ToJsonString());
    }
}
