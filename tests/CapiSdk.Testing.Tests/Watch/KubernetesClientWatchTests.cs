using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Watch;

public sealed class KubernetesClientWatchTests
{
    [Fact]
    public async Task KubernetesClient_surfaces_an_expired_resourceVersion_as_a_410_Expired_error()
    {
        await using var server = await TestServer.StartAsync(o => o.WatchHistorySize = 2);
        using var client = server.CreateClient();
        var old = server.ResourceVersion.ToString();
        foreach (var n in new[] { "a", "b", "c" })
        {
            await client.CreateAsync(Widgets.New(n));
        }
        Exception? error = null;
        var events = 0;

        await foreach (var _ in client.CustomObjects.WatchListNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", resourceVersion: old, onError: e => error = e, cancellationToken: TestContext.Token))
        {
            events++;
        }

        var expired = Assert.IsType<KubernetesException>(error);
        Assert.Equal(410, expired.Status.Code);
        Assert.Equal("Expired", expired.Status.Reason);
        Assert.Equal(0, events);
    }

    [Fact]
    public async Task KubernetesClient_watch_receives_bookmarks_and_then_live_changes()
    {
        await using var server = await TestServer.StartAsync(o => o.WatchBookmarkInterval = TimeSpan.FromMilliseconds(100));
        using var client = server.CreateClient();
        var seen = new List<WatchEventType>();
        var created = false;

        await foreach (var (type, _) in client.CustomObjects.WatchListNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", allowWatchBookmarks: true, resourceVersion: server.ResourceVersion.ToString(), cancellationToken: TestContext.Token))
        {
            seen.Add(type);
            if (type == WatchEventType.Bookmark && !created)
            {
                // Once: on a busy machine a second bookmark can arrive before the ADDED event.
                created = true;
                await client.CreateAsync(Widgets.New("live"));
            }
            if (type == WatchEventType.Added)
            {
                break;
            }
        }

        Assert.Equal(WatchEventType.Bookmark, seen[0]);
        Assert.Equal(WatchEventType.Added, seen[^1]);
    }
}
