using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

public sealed class DryRunTests
{
    [Fact]
    public async Task Dry_run_create_validates_and_defaults_but_stores_nothing()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var answer = await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Widgets.New("w1"), "example.com", "v1", "default", "widgets", dryRun: "All", cancellationToken: TestContext.Token);

        Assert.Equal("medium", (string?)answer["spec"]!["size"]);
        Assert.Empty(Widgets.Names(await client.ListWidgetsAsync()));
    }

    [Fact]
    public async Task Dry_run_create_of_an_invalid_object_still_returns_422()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Widgets.New("w1", replicas: 50), "example.com", "v1", "default", "widgets", dryRun: "All", cancellationToken: TestContext.Token));

        Assert.Equal(422, status.Code);
    }

    [Fact]
    public async Task Dry_run_patch_and_delete_change_nothing()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new V1Patch("""{"spec":{"replicas":9}}""", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "widgets", "w1", dryRun: "All", cancellationToken: TestContext.Token);
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync<JsonObject>("example.com", "v1", "default", "widgets", "w1", dryRun: "All", cancellationToken: TestContext.Token);
        var stored = await client.GetWidgetAsync("w1");

        Assert.Equal(9, (int)patched["spec"]!["replicas"]!);
        Assert.Equal(1, (int)stored["spec"]!["replicas"]!);
        Assert.Equal(Widgets.Rv(created), Widgets.Rv(stored));
    }
}
