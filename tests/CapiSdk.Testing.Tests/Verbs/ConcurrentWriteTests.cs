using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;
using k8s.Autorest;
using k8s.Models;

namespace CapiSdk.Testing.Tests.Verbs;

/// <summary>
/// Writes prepare (validate, apply) in parallel and commit one at a time against the object they were prepared on,
/// as the real server's storage does: racing writers lose nothing and break no precondition.
/// </summary>
public sealed class ConcurrentWriteTests
{
    private const int Writers = 24;

    [Fact]
    public async Task Concurrent_applies_by_different_managers_all_land()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => client.PatchAsync("w1",
            "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\",\"labels\":{\"m" + i + "\":\"v\"}}}",
            V1Patch.PatchType.ApplyPatch, fieldManager: "m" + i))));

        var widget = await client.GetWidgetAsync("w1");
        var labels = widget["metadata"]!["labels"]!.AsObject();
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => "m" + i).Order(StringComparer.Ordinal), labels.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Writers + 1, widget["metadata"]!["managedFields"]!.AsArray().Count);
    }

    [Fact]
    public async Task Concurrent_merge_patches_without_a_resourceVersion_all_land()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => client.PatchAsync("w1",
            "{\"metadata\":{\"labels\":{\"p" + i + "\":\"v\"}}}", V1Patch.PatchType.MergePatch))));

        var labels = (await client.GetWidgetAsync("w1"))["metadata"]!["labels"]!.AsObject();
        Assert.Equal(Writers, labels.Count);
    }

    [Fact]
    public async Task Concurrent_updates_from_one_resourceVersion_let_exactly_one_win()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CreateAsync(Widgets.New("w1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var update = created.DeepClone().AsObject();
            update["spec"]!["color"] = "c" + (char)('a' + i);
            try
            {
                await client.ReplaceAsync(update);
                return 200;
            }
            catch (HttpOperationException e)
            {
                return (int)e.Response.StatusCode;
            }
        })));

        Assert.Equal(1, outcomes.Count(c => c == 200));
        Assert.Equal(Writers - 1, outcomes.Count(c => c == 409));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_let_exactly_one_win()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await client.CreateAsync(Widgets.New("same", color: "c" + (char)('a' + i)));
                return 201;
            }
            catch (HttpOperationException e)
            {
                return (int)e.Response.StatusCode;
            }
        })));

        Assert.Equal(1, outcomes.Count(c => c == 201));
        Assert.Equal(Writers - 1, outcomes.Count(c => c == 409));
        var list = await client.ListWidgetsAsync();
        Assert.Equal(["same"], Widgets.Names(list));
    }
}
