using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

public sealed class GetAndListTests
{
    [Fact]
    public async Task Get_of_missing_object_returns_404_NotFound_Status()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.GetWidgetAsync("missing"));

        Assert.Equal(404, status.Code);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("widgets.example.com \"missing\" not found", status.Message);
        Assert.Equal("example.com", (string?)status.Details!["group"]);
        Assert.Equal("widgets", (string?)status.Details!["kind"]);
    }

    [Fact]
    public async Task List_has_the_real_wire_format()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        using var http = server.Http();

        var (code, list, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets");

        Assert.Equal(200, code);
        Assert.Equal("example.com/v1", (string?)list["apiVersion"]);
        Assert.Equal("WidgetList", (string?)list["kind"]);
        Assert.Equal(server.ResourceVersion.ToString(), (string?)list["metadata"]!["resourceVersion"]);
        Assert.Equal("w1", (string?)list["items"]![0]!["metadata"]!["name"]);
    }

    [Theory]
    [InlineData("tier=web", "a")]
    [InlineData("tier==web", "a")]
    [InlineData("tier!=web", "b,c")]
    [InlineData("tier in (web,db)", "a,b")]
    [InlineData("tier notin (web)", "b,c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    [InlineData("rank>1", "b")]
    [InlineData("rank<2", "a")]
    [InlineData("tier=web,rank=1", "a")]
    public async Task List_filters_by_every_labelSelector_operator(string selector, string expected)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a", labels: new JsonObject { ["tier"] = "web", ["rank"] = "1" }));
        await client.CreateAsync(Widgets.New("b", labels: new JsonObject { ["tier"] = "db", ["rank"] = "2" }));
        await client.CreateAsync(Widgets.New("c"));

        var list = await client.ListWidgetsAsync(labelSelector: selector);

        Assert.Equal(expected.Split(','), Widgets.Names(list));
    }

    [Fact]
    public async Task List_filters_by_fieldSelector_on_metadata_name()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        await client.CreateAsync(Widgets.New("b"));

        Assert.Equal(["b"], Widgets.Names(await client.ListWidgetsAsync(fieldSelector: "metadata.name=b")));
        Assert.Equal(["a"], Widgets.Names(await client.ListWidgetsAsync(fieldSelector: "metadata.name!=b")));
    }

    [Fact]
    public async Task List_across_namespaces_filters_by_fieldSelector_on_metadata_namespace()
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("other"));
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a"));
        await client.CreateAsync(Widgets.New("b"), ns: "other");
        using var http = server.Http();

        var (_, list, _) = await http.GetJsonAsync("/apis/example.com/v1/widgets?fieldSelector=metadata.namespace%3Dother");

        Assert.Equal(["b"], Widgets.Names(list));
    }

    [Fact]
    public async Task List_with_unsupported_fieldSelector_returns_400_BadRequest()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.ListWidgetsAsync(fieldSelector: "spec.size=small"));

        Assert.Equal(400, status.Code);
        Assert.Equal("BadRequest", status.Reason);
        Assert.Contains("field label not supported: spec.size", status.Message);
    }

    [Fact]
    public async Task List_with_limit_pages_through_everything_with_continue()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        foreach (var n in new[] { "a", "b", "c", "d", "e" })
        {
            await client.CreateAsync(Widgets.New(n));
        }

        var first = await client.ListWidgetsAsync(limit: 2);
        var second = await client.ListWidgetsAsync(limit: 2, continueToken: (string?)first["metadata"]!["continue"]);
        var third = await client.ListWidgetsAsync(limit: 2, continueToken: (string?)second["metadata"]!["continue"]);

        Assert.Equal(["a", "b"], Widgets.Names(first));
        Assert.Equal(3, (long)first["metadata"]!["remainingItemCount"]!);
        Assert.Equal(["c", "d"], Widgets.Names(second));
        Assert.Equal(["e"], Widgets.Names(third));
        Assert.Null(third["metadata"]!["continue"]);
        Assert.Equal((string?)first["metadata"]!["resourceVersion"], (string?)third["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Continue_token_older_than_the_history_returns_410_Expired()
    {
        await using var server = await TestServer.StartAsync(o => o.WatchHistorySize = 3);
        using var client = server.CreateClient();
        foreach (var n in new[] { "a", "b", "c" })
        {
            await client.CreateAsync(Widgets.New(n));
        }
        var first = await client.ListWidgetsAsync(limit: 1);
        foreach (var n in new[] { "d", "e", "f", "g" })
        {
            await client.CreateAsync(Widgets.New(n));
        }

        var status = await Widgets.FailsAsync(() => client.ListWidgetsAsync(limit: 1, continueToken: (string?)first["metadata"]!["continue"]));

        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);
    }

    [Fact]
    public async Task List_of_cluster_scoped_resource_works_without_namespace()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var gadget = new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Gadget", ["metadata"] = new JsonObject { ["name"] = "g1" }, ["spec"] = new JsonObject { ["level"] = 3 } };

        await client.CustomObjects.CreateClusterCustomObjectAsync<JsonObject>(gadget, "example.com", "v1", "gadgets", cancellationToken: TestContext.Token);
        var list = await client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>("example.com", "v1", "gadgets", cancellationToken: TestContext.Token);

        Assert.Equal(["g1"], Widgets.Names(list));
        Assert.Null(list["items"]![0]!["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Get_through_another_served_version_returns_that_apiVersion()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var v1beta1 = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("example.com", "v1beta1", "default", "widgets", "w1", TestContext.Token);

        Assert.Equal("example.com/v1beta1", (string?)v1beta1["apiVersion"]);
        Assert.Equal("red", (string?)v1beta1["spec"]!["color"]);
    }

    [Fact]
    public async Task Get_with_resourceVersion_newer_than_the_server_returns_504_Timeout()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets?resourceVersion=999999");

        Assert.Equal(504, code);
        Assert.Equal("Timeout", (string?)status["reason"]);
    }

    [Fact]
    public async Task List_filters_by_a_CRD_selectableField()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a", color: "red"));
        await client.CreateAsync(Widgets.New("b", color: "blue"));

        var list = await client.ListWidgetsAsync(fieldSelector: "spec.color=blue");

        Assert.Equal(["b"], Widgets.Names(list));
    }

    [Fact]
    public async Task Events_can_be_selected_by_involvedObject_fields_as_kubectl_describe_does()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        foreach (var (name, target) in new[] { ("e1", "w1"), ("e2", "w2") })
        {
            await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = name },
                InvolvedObject = new V1ObjectReference { Kind = "Widget", Name = target, NamespaceProperty = "default" },
                Reason = "Reconciled",
                Type = "Normal",
            }, "default", cancellationToken: TestContext.Token);
        }

        var list = await client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.kind=Widget,involvedObject.name=w2", cancellationToken: TestContext.Token);

        Assert.Equal("e2", list.Items.Single().Metadata.Name);
    }

    [Fact]
    public async Task Continue_pages_come_from_the_snapshot_of_the_first_page()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        foreach (var n in new[] { "a", "b", "c", "d", "e" })
        {
            await client.CreateAsync(Widgets.New(n));
        }
        var first = await client.ListWidgetsAsync(limit: 2);

        await client.CreateAsync(Widgets.New("bb"));
        await client.DeleteWidgetAsync("d");
        var second = await client.ListWidgetsAsync(limit: 2, continueToken: (string?)first["metadata"]!["continue"]);
        var third = await client.ListWidgetsAsync(limit: 2, continueToken: (string?)second["metadata"]!["continue"]);

        Assert.Equal(["c", "d"], Widgets.Names(second));
        Assert.Equal(["e"], Widgets.Names(third));
    }

    [Fact]
    public async Task List_with_resourceVersionMatch_Exact_returns_the_state_at_that_version()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("a", replicas: 2));
        var then = server.ResourceVersion;
        await client.CreateAsync(Widgets.New("b"));
        await client.PatchAsync("a", """{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch);
        using var http = server.Http();

        var (_, list, _) = await http.GetJsonAsync($"/apis/example.com/v1/namespaces/default/widgets?resourceVersion={then}&resourceVersionMatch=Exact");

        Assert.Equal(["a"], Widgets.Names(list));
        Assert.Equal(2, (int)list["items"]![0]!["spec"]!["replicas"]!);
        Assert.Equal(then.ToString(), (string?)list["metadata"]!["resourceVersion"]);
    }
}
