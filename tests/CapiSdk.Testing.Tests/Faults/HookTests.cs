using System.Diagnostics;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Faults;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Faults;

public sealed class HookTests
{
    [Theory]
    [InlineData(FaultKind.InternalServerError, 500, "InternalError")]
    [InlineData(FaultKind.ServiceUnavailable, 503, "ServiceUnavailable")]
    [InlineData(FaultKind.TooManyRequests, 429, "TooManyRequests")]
    public async Task Fault_answers_with_its_status_code_and_a_Status(FaultKind kind, int code, string reason)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        server.Faults.Add(new FaultRule { Kind = kind, Verbs = ["list"], Resources = ["widgets"] });

        var status = await Widgets.FailsAsync(() => client.ListWidgetsAsync());

        Assert.Equal(code, status.Code);
        Assert.Equal(reason, status.Reason);
    }

    [Fact]
    public async Task TooManyRequests_carries_Retry_After()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        server.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(7) });

        var (_, _, response) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets");

        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Fault_applies_only_to_the_verbs_it_names()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["create"] });

        var list = await client.ListWidgetsAsync();

        Assert.Empty(Widgets.Names(list));
    }

    [Fact]
    public async Task Fault_with_Times_stops_after_that_many_requests()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Times = 1 });

        await Widgets.FailsAsync(() => client.ListWidgetsAsync());
        var second = await client.ListWidgetsAsync();

        Assert.NotNull(second);
    }

    [Fact]
    public async Task Fault_rate_faults_roughly_that_share_of_requests()
    {
        await using var server = await TestServer.StartAsync(o => o.FaultSeed = 42);
        using var http = server.Http();
        server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Rate = 0.5 });

        var codes = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            codes.Add((await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets")).Code);
        }

        Assert.InRange(codes.Count(c => c == 503), 30, 70);
    }

    [Fact]
    public async Task Removing_a_fault_stops_it()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var rule = server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError });

        rule.Dispose();

        Assert.NotNull(await client.ListWidgetsAsync());
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request_without_a_response()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        server.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection });

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/apis/example.com/v1/namespaces/default/widgets", TestContext.Token));
    }

    [Fact]
    public async Task Cut_watch_ends_the_stream_after_the_given_number_of_events()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var from = server.ResourceVersion;
        foreach (var n in new[] { "a", "b", "c" })
        {
            await client.CreateAsync(Widgets.New(n));
        }
        server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, CutWatchAfterEvents = 2 });
        using var http = server.Http();

        using var watch = await http.WatchAsync($"/apis/example.com/v1/namespaces/default/widgets?watch=true&resourceVersion={from}");
        var first = await watch.NextAsync();
        var second = await watch.NextAsync();

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(await watch.EndsAsync());
    }

    [Fact]
    public async Task Latency_delays_requests_of_that_verb()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        server.Latency.Set("list", TimeSpan.FromMilliseconds(300));

        var sw = Stopwatch.StartNew();
        await client.ListWidgetsAsync();

        // Only a lower bound: a busy machine makes the request slower, never faster.
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {sw.Elapsed}");
    }

    [Fact]
    public async Task Counters_count_requests_by_verb_and_resource()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        await client.CreateAsync(Widgets.New("w1"));
        await client.ListWidgetsAsync();
        await client.ListWidgetsAsync();
        await client.GetWidgetAsync("w1");

        Assert.Equal(1, server.Counters.Count("create", "widgets"));
        Assert.Equal(2, server.Counters.Count("list", "widgets.example.com"));
        Assert.Equal(1, server.Counters.Count("get"));
        Assert.Equal(2, server.Counters.Snapshot()["list widgets.example.com"]);
    }

    [Fact]
    public async Task Change_feed_reports_each_change_with_its_resourceVersion()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var changes = server.Changes.Subscribe();

        var created = await client.CreateAsync(Widgets.New("w1"));
        await client.DeleteWidgetAsync("w1");
        var added = await changes.WaitForAsync(c => c.Resource == "widgets.example.com", TestContext.Token);
        var deleted = await changes.WaitForAsync(c => c.Resource == "widgets.example.com", TestContext.Token);

        Assert.Equal((ChangeType.Added, "default", "w1", long.Parse(Widgets.Rv(created))), (added.Type, added.Namespace, added.Name, added.ResourceVersion));
        Assert.Equal(ChangeType.Deleted, deleted.Type);
        Assert.Equal("red", deleted.Object.GetProperty("spec").GetProperty("color").GetString());
    }

    [Fact]
    public async Task CompactHistory_makes_a_resumed_watch_get_410_Expired()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        var resumeFrom = server.ResourceVersion;
        await client.CreateAsync(Widgets.New("b"));

        server.CompactHistory();
        using var http = server.Http();
        using var watch = await http.WatchAsync($"/apis/example.com/v1/namespaces/default/widgets?watch=true&resourceVersion={resumeFrom}");
        var e = await watch.NextAsync();

        Assert.Equal("ERROR", e!.Value.Type);
        Assert.Equal(410, (int)e.Value.Object["code"]!);
    }

    [Fact]
    public async Task CompactHistory_keeps_watches_from_the_current_version_working()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        server.CompactHistory();
        var from = server.ResourceVersion;
        await client.CreateAsync(Widgets.New("b"));
        using var http = server.Http();

        using var watch = await http.WatchAsync($"/apis/example.com/v1/namespaces/default/widgets?watch=true&resourceVersion={from}");

        Assert.Equal("b", (string?)(await watch.NextAsync())!.Value.Object["metadata"]!["name"]);
    }
}
