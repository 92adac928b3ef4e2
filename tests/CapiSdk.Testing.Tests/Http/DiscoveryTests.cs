using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Http;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Version_is_served_and_read_by_KubernetesClient()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var version = await client.Version.GetCodeAsync(TestContext.Token);

        Assert.Equal("1", version.Major);
        Assert.StartsWith("v1.", version.GitVersion);
    }

    [Fact]
    public async Task Api_lists_core_v1()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (_, api, _) = await http.GetJsonAsync("/api");

        Assert.Equal("APIVersions", (string?)api["kind"]);
        Assert.Equal("v1", (string?)api["versions"]![0]);
    }

    [Fact]
    public async Task Apis_lists_crd_groups_with_the_preferred_version_first()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (_, apis, _) = await http.GetJsonAsync("/apis");

        var group = apis["groups"]!.AsArray().Single(g => (string?)g!["name"] == "example.com")!;
        Assert.Equal("example.com/v1", (string?)group["preferredVersion"]!["groupVersion"]);
        Assert.Equal(["v1", "v1beta1"], group["versions"]!.AsArray().Select(v => (string)v!["version"]!).ToList());
        Assert.Contains(apis["groups"]!.AsArray(), g => (string?)g!["name"] == "coordination.k8s.io");
        Assert.Contains(apis["groups"]!.AsArray(), g => (string?)g!["name"] == "events.k8s.io");
    }

    [Fact]
    public async Task Group_document_is_an_APIGroup()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, group, _) = await http.GetJsonAsync("/apis/example.com");

        Assert.Equal(200, code);
        Assert.Equal("APIGroup", (string?)group["kind"]);
    }

    [Fact]
    public async Task Resource_list_describes_kind_verbs_scope_short_names_categories_and_status()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (_, list, _) = await http.GetJsonAsync("/apis/example.com/v1");

        Assert.Equal("APIResourceList", (string?)list["kind"]);
        var widgets = list["resources"]!.AsArray().Single(r => (string?)r!["name"] == "widgets")!;
        Assert.Equal("Widget", (string?)widgets["kind"]);
        Assert.Equal("widget", (string?)widgets["singularName"]);
        Assert.True((bool)widgets["namespaced"]!);
        Assert.Equal(["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], widgets["verbs"]!.AsArray().Select(v => (string)v!).ToList());
        Assert.Equal("wd", (string?)widgets["shortNames"]![0]);
        Assert.Equal("example", (string?)widgets["categories"]![0]);
        Assert.Contains(list["resources"]!.AsArray(), r => (string?)r!["name"] == "widgets/status");
        Assert.False((bool)list["resources"]!.AsArray().Single(r => (string?)r!["name"] == "gadgets")!["namespaced"]!);
    }

    [Fact]
    public async Task Core_v1_serves_namespaces_and_events()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (_, list, _) = await http.GetJsonAsync("/api/v1");

        var names = list["resources"]!.AsArray().Select(r => (string)r!["name"]!).ToList();
        Assert.Contains("namespaces", names);
        Assert.Contains("events", names);
    }

    [Fact]
    public async Task Unknown_resource_returns_404_NotFound_Status()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/sprockets");

        Assert.Equal(404, code);
        Assert.Equal("NotFound", (string?)status["reason"]);
    }

    [Fact]
    public async Task Posting_a_CRD_serves_its_resource_and_deleting_it_stops_serving()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        using var http = server.Http();
        var crd = Yaml.ToJson(await File.ReadAllTextAsync(TestServer.Fixture("widgets.example.com.yaml")));

        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(crd.ToJsonString()), cancellationToken: TestContext.Token);
        var created = await client.CreateAsync(Widgets.New("w1"));
        var established = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com", cancellationToken: TestContext.Token);
        await client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com", cancellationToken: TestContext.Token);
        var (code, _, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets");

        Assert.Equal("w1", (string?)created["metadata"]!["name"]);
        Assert.Contains(established.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Equal(404, code);
    }

    [Fact]
    public async Task Posting_a_CRD_whose_name_is_not_plural_dot_group_returns_422()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = server.Http();
        var crd = Yaml.ToJson(await File.ReadAllTextAsync(TestServer.Fixture("widgets.example.com.yaml")));
        crd["metadata"]!["name"] = "wrong.example.com";

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd.ToJsonString());

        Assert.Equal(422, code);
        Assert.Equal("metadata.name", (string?)status["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task OpenApi_v3_advertises_fieldValidation_on_patch_for_each_kind()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (_, root, _) = await http.GetJsonAsync("/openapi/v3");
        var url = (string)root["paths"]!["apis/example.com/v1"]!["serverRelativeURL"]!;
        var (_, doc, _) = await http.GetJsonAsync(url);

        var patch = doc["paths"]!["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Equal("Widget", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation");
    }

    [Fact]
    public async Task Deleting_a_CRD_deletes_its_objects()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        using var changes = server.Changes.Subscribe();

        await client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com", cancellationToken: TestContext.Token);
        var gone = await changes.WaitForAsync(c => c.Resource == "widgets.example.com", TestContext.Token);

        Assert.Equal((Diagnostics.ChangeType.Deleted, "w1"), (gone.Type, gone.Name));
    }

    [Fact]
    public async Task OpenApi_v2_is_an_empty_swagger_document()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, doc, _) = await http.GetJsonAsync("/openapi/v2");

        Assert.Equal(200, code);
        Assert.Equal("2.0", (string?)doc["swagger"]);
        Assert.Empty(doc["paths"]!.AsObject());
    }
}
