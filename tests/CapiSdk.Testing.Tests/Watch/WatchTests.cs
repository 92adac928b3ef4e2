using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Watch;

public sealed class WatchTests
{
    private const string Widgets_ = "/apis/example.com/v1/namespaces/default/widgets";

    [Fact]
    public async Task Watch_from_a_resourceVersion_delivers_every_later_change_in_order_to_KubernetesClient()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var from = server.ResourceVersion.ToString();
        await client.CreateAsync(Widgets.New("w1"));
        await client.PatchAsync("w1", """{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch);
        await client.DeleteWidgetAsync("w1");

        var seen = new List<(WatchEventType Type, long Replicas)>();
        await foreach (var (type, obj) in client.CustomObjects.WatchListNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", resourceVersion: from, cancellationToken: TestContext.Token))
        {
            var o = (JsonElement)obj;
            seen.Add((type, o.GetProperty("spec").GetProperty("replicas").GetInt64()));
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, 1L), (WatchEventType.Modified, 2L), (WatchEventType.Deleted, 2L)], seen);
    }

    [Fact]
    public async Task Watch_without_resourceVersion_starts_with_ADDED_for_existing_objects()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        await client.CreateAsync(Widgets.New("b"));
        using var http = server.Http();

        using var watch = await http.WatchAsync(Widgets_ + "?watch=true");
        var first = await watch.NextAsync();
        var second = await watch.NextAsync();

        Assert.Equal(("ADDED", "a"), (first!.Value.Type, (string)first.Value.Object["metadata"]!["name"]!));
        Assert.Equal(("ADDED", "b"), (second!.Value.Type, (string)second.Value.Object["metadata"]!["name"]!));
    }

    [Fact]
    public async Task Watch_streams_newline_delimited_json_with_chunked_transfer()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        using var watch = await http.WatchAsync(Widgets_ + "?watch=1&timeoutSeconds=1");

        Assert.True(watch.Response.Headers.TransferEncodingChunked);
        Assert.Equal("application/json", watch.Response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Watch_sees_an_object_that_stops_matching_the_labelSelector_as_DELETED()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var from = server.ResourceVersion;
        await client.CreateAsync(Widgets.New("w1", labels: new JsonObject { ["team"] = "a" }));
        await client.PatchAsync("w1", """{"metadata":{"labels":{"team":"b"}}}""", V1Patch.PatchType.MergePatch);
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&labelSelector=team%3Da&resourceVersion={from}");

        Assert.Equal("ADDED", (await watch.NextAsync())!.Value.Type);
        Assert.Equal("DELETED", (await watch.NextAsync())!.Value.Type);
    }

    [Fact]
    public async Task Watch_with_fieldSelector_on_name_sees_only_that_object()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var from = server.ResourceVersion;
        await client.CreateAsync(Widgets.New("a"));
        await client.CreateAsync(Widgets.New("b"));
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&fieldSelector=metadata.name%3Db&resourceVersion={from}&timeoutSeconds=1");

        Assert.Equal("b", (string?)(await watch.NextAsync())!.Value.Object["metadata"]!["name"]);
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_with_allowWatchBookmarks_receives_a_BOOKMARK_carrying_the_current_resourceVersion()
    {
        await using var server = await TestServer.StartAsync(o => o.WatchBookmarkInterval = TimeSpan.FromMilliseconds(100));
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&allowWatchBookmarks=true&resourceVersion={server.ResourceVersion}");
        var e = await watch.NextAsync();

        Assert.Equal("BOOKMARK", e!.Value.Type);
        Assert.Equal("Widget", (string?)e.Value.Object["kind"]);
        Assert.Equal(server.ResourceVersion.ToString(), (string?)e.Value.Object["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Watch_with_sendInitialEvents_ends_the_initial_list_with_an_annotated_BOOKMARK()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        var added = await watch.NextAsync();
        var bookmark = await watch.NextAsync();

        Assert.Equal("ADDED", added!.Value.Type);
        Assert.Equal("BOOKMARK", bookmark!.Value.Type);
        Assert.Equal("true", (string?)bookmark.Value.Object["metadata"]!["annotations"]!["k8s.io/initial-events-end"]);
    }

    [Fact]
    public async Task Watch_with_timeoutSeconds_ends_the_stream()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&timeoutSeconds=1&resourceVersion={server.ResourceVersion}");

        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_from_a_resourceVersion_older_than_the_history_gets_ERROR_410_Expired()
    {
        await using var server = await TestServer.StartAsync(o => o.WatchHistorySize = 2);
        using var client = server.CreateClient();
        var old = server.ResourceVersion;
        foreach (var n in new[] { "a", "b", "c" })
        {
            await client.CreateAsync(Widgets.New(n));
        }
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&resourceVersion={old}");
        var e = await watch.NextAsync();

        Assert.Equal("ERROR", e!.Value.Type);
        Assert.Equal("Status", (string?)e.Value.Object["kind"]);
        Assert.Equal(410, (int)e.Value.Object["code"]!);
        Assert.Equal("Expired", (string?)e.Value.Object["reason"]);
        Assert.StartsWith("too old resource version", (string?)e.Value.Object["message"]);
    }

    [Fact]
    public async Task Watch_from_the_oldest_retained_resourceVersion_still_replays()
    {
        await using var server = await TestServer.StartAsync(o => o.WatchHistorySize = 2);
        using var client = server.CreateClient();
        foreach (var n in new[] { "a", "b", "c" })
        {
            await client.CreateAsync(Widgets.New(n));
        }
        using var http = server.Http();

        using var watch = await http.WatchAsync($"{Widgets_}?watch=true&resourceVersion={server.ResourceVersion - 2}");

        Assert.Equal("b", (string?)(await watch.NextAsync())!.Value.Object["metadata"]!["name"]);
    }

    [Fact]
    public async Task Many_watchers_each_receive_every_event()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var from = server.ResourceVersion;
        await client.CreateAsync(Widgets.New("w1"));
        using var http = server.Http();

        var names = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var watch = await http.WatchAsync($"{Widgets_}?watch=true&resourceVersion={from}");
            return (string?)(await watch.NextAsync())!.Value.Object["metadata"]!["name"];
        }));

        Assert.All(names, n => Assert.Equal("w1", n));
    }

    [Fact]
    public async Task Watch_through_the_legacy_watch_path_works()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        using var http = server.Http();

        using var watch = await http.WatchAsync("/apis/example.com/v1/watch/namespaces/default/widgets");

        Assert.Equal("ADDED", (await watch.NextAsync())!.Value.Type);
    }

    [Fact]
    public async Task Watch_through_another_served_version_delivers_objects_in_that_version()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        using var http = server.Http();

        using var watch = await http.WatchAsync("/apis/example.com/v1beta1/namespaces/default/widgets?watch=true");

        Assert.Equal("example.com/v1beta1", (string?)(await watch.NextAsync())!.Value.Object["apiVersion"]);
    }

    [Fact]
    public async Task Watch_on_an_object_path_watches_that_object()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        await client.CreateAsync(Widgets.New("b"));
        using var http = server.Http();

        using var watch = await http.WatchAsync(Widgets_ + "/b?watch=true&timeoutSeconds=1");

        Assert.Equal("b", (string?)(await watch.NextAsync())!.Value.Object["metadata"]!["name"]);
        Assert.Null(await watch.NextAsync());
    }
}
