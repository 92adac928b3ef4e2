using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

public sealed class CreateTests
{
    [Fact]
    public async Task Create_sets_uid_creationTimestamp_resourceVersion_and_generation()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CreateAsync(Widgets.New("w1"));

        var meta = created["metadata"]!;
        Assert.True(Guid.TryParse((string?)meta["uid"], out _));
        Assert.True(DateTimeOffset.TryParse((string?)meta["creationTimestamp"], out _));
        Assert.True(long.Parse(Widgets.Rv(created)) > 0);
        Assert.Equal(1, (long)meta["generation"]!);
        Assert.Equal("default", (string?)meta["namespace"]);
    }

    [Fact]
    public async Task Create_with_generateName_appends_five_random_characters()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("ignored");
        w["metadata"] = new JsonObject { ["generateName"] = "gen-" };

        var created = await client.CreateAsync(w);

        Assert.Matches("^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$", (string)created["metadata"]!["name"]!);
    }

    [Fact]
    public async Task Create_of_existing_name_returns_409_AlreadyExists()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var status = await Widgets.FailsAsync(() => client.CreateAsync(Widgets.New("w1")));

        Assert.Equal(409, status.Code);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("widgets.example.com \"w1\" already exists", status.Message);
    }

    [Fact]
    public async Task Create_in_missing_namespace_returns_404_NotFound_for_the_namespace()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateAsync(Widgets.New("w1"), ns: "nowhere"));

        Assert.Equal(404, status.Code);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("namespaces \"nowhere\" not found", status.Message);
    }

    [Fact]
    public async Task Create_with_invalid_name_returns_422_Invalid_on_metadata_name()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateAsync(Widgets.New("Bad_Name")));

        Assert.Equal(422, status.Code);
        Assert.Equal("metadata.name", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Create_drops_status_when_the_status_subresource_is_enabled()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["status"] = new JsonObject { ["phase"] = "Ready" };

        var created = await client.CreateAsync(w);

        Assert.Null(created["status"]);
    }

    [Theory]
    [InlineData("app", "bad value!")]
    [InlineData("bad key", "ok")]
    [InlineData("Example.com/app", "ok")]
    public async Task Create_with_invalid_label_returns_422_Invalid_on_metadata_labels(string key, string value)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateAsync(Widgets.New("w1", labels: new JsonObject { [key] = value })));

        Assert.Equal(422, status.Code);
        Assert.Equal("metadata.labels", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Create_with_prefixed_label_keys_is_accepted()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CreateAsync(Widgets.New("w1", labels: new JsonObject { ["cluster.x-k8s.io/cluster-name"] = "c1", ["empty"] = "" }));

        Assert.Equal("c1", (string?)created["metadata"]!["labels"]!["cluster.x-k8s.io/cluster-name"]);
    }
}
