using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;
using k8s.Models;

namespace CapiSdk.Testing.Tests.Verbs;

/// <summary>
/// Preconditions the real server enforces on writes of custom resources: registry/generic/registry/store.go Update
/// (no unconditional update), the etcd3 store's Create (no resourceVersion), fieldmanager Apply (no managedFields)
/// and fieldmanager Update (an empty managedFields list keeps the live ownership).
/// </summary>
public sealed class WritePreconditionTests
{
    [Fact]
    public async Task Update_without_resourceVersion_is_422_must_be_specified_for_an_update()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = await client.CreateAsync(Widgets.New("w1"));
        w["metadata"]!.AsObject().Remove("resourceVersion");
        w["spec"]!["color"] = "blue";

        var status = await Widgets.FailsAsync(() => client.ReplaceAsync(w));
        var stored = await client.GetWidgetAsync("w1");

        Assert.Equal(422, status.Code);
        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("widgets.example.com \"w1\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", status.Message);
        Assert.Equal("metadata.resourceVersion", (string?)status.Details!["causes"]![0]!["field"]);
        Assert.Equal("widgets", (string?)status.Details["kind"]);
        Assert.Equal("red", (string?)stored["spec"]!["color"]);
    }

    [Fact]
    public async Task Update_of_a_missing_object_without_resourceVersion_is_404()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.ReplaceAsync(Widgets.New("nope")));

        Assert.Equal(404, status.Code);
    }

    [Fact]
    public async Task Create_carrying_a_resourceVersion_is_refused_as_the_storage_layer_refuses_it()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["metadata"]!["resourceVersion"] = "42";

        var status = await Widgets.FailsAsync(() => client.CreateAsync(w));
        var list = await client.ListWidgetsAsync();

        Assert.Equal(500, status.Code);
        Assert.Equal("", status.Reason);
        Assert.Equal("resourceVersion should not be set on objects to be created", status.Message);
        Assert.Empty(Widgets.Names(list));
    }

    [Fact]
    public async Task Dry_run_create_carrying_a_resourceVersion_is_not_refused()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        var w = Widgets.New("w1");
        w["metadata"]!["resourceVersion"] = "42";

        var (code, _, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets?dryRun=All", w.ToJsonString());

        Assert.Equal(201, code);
    }

    [Fact]
    public async Task Apply_that_creates_ignores_a_resourceVersion_as_the_generic_registry_does()
    {
        // registry/generic/registry/store.go Update takes the create path without comparing resourceVersions, and the
        // etcd3 store clears it (updateState -> PrepareObjectForStorage); kubernetes/kubernetes#106745 shows the same
        // for ConfigMaps. A stale resourceVersion on an existing object is a 409 (ServerSideApplyTests).
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var applied = await client.PatchAsync("w1", """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","resourceVersion":"42"},"spec":{"color":"red"}}""",
            V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.NotEqual("42", Widgets.Rv(applied));
        Assert.Equal(server.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Widgets.Rv(applied));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"manager":"alice","operation":"Apply","apiVersion":"example.com/v1","fieldsType":"FieldsV1","fieldsV1":{}}]""")]
    public async Task Apply_carrying_managedFields_is_400(string managedFields)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var body = $$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","managedFields":{{{managedFields}}}},"spec":{"color":"red"}}""";

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", body, V1Patch.PatchType.ApplyPatch, fieldManager: "alice"));

        Assert.Equal(400, status.Code);
        Assert.Equal("BadRequest", status.Reason);
        Assert.Equal("metadata.managedFields must be nil", status.Message);
    }

    [Fact]
    public async Task Update_with_an_empty_managedFields_list_keeps_the_ownership()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.PatchAsync("w1", """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"color":"red"}}""", V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        var w = await client.GetWidgetAsync("w1");
        w["metadata"]!["managedFields"] = new JsonArray();
        w["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };

        var updated = await client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(w, Widgets.Group, Widgets.Version, Widgets.Ns, Widgets.Plural, "w1",
            fieldManager: "bob", cancellationToken: TestContext.Token);
        var conflict = await Widgets.FailsAsync(() => client.PatchAsync("w1", """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"color":"blue"}}""",
            V1Patch.PatchType.ApplyPatch, fieldManager: "carol"));

        var managers = updated["metadata"]!["managedFields"]!.AsArray().Select(e => (string?)e!["manager"]).ToList();
        Assert.Equal(["alice", "bob"], managers);
        Assert.Equal(409, conflict.Code);
        Assert.Contains("conflict with \"alice\"", conflict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "default", "the name of the object (w1 based on URL) was undeterminable: name must be provided")]
    [InlineData("w2", "default", "the name of the object (w2) does not match the name on the URL (w1)")]
    [InlineData("w1", "other", "the namespace of the object (other) does not match the namespace on the request (default)")]
    public async Task Update_whose_name_or_namespace_differs_from_the_URL_is_400(string? name, string ns, string expected)
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("other"));
        using var http = server.Http();
        var (_, w, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", Widgets.New("w1").ToJsonString());
        w["metadata"]!["name"] = name;
        w["metadata"]!["namespace"] = ns;

        var (code, status, _) = await http.SendAsync(HttpMethod.Put, "/apis/example.com/v1/namespaces/default/widgets/w1", w.ToJsonString());

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.Equal(expected, (string?)status["message"]);
    }

    [Theory]
    [InlineData("POST", "/apis/example.com/v1/namespaces/default/widgets", "text/plain", "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml")]
    [InlineData("PATCH", "/apis/example.com/v1/namespaces/default/widgets/w1", "application/json", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")]
    public async Task An_unsupported_content_type_is_415_listing_the_accepted_ones(string method, string path, string contentType, string expected)
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", Widgets.New("w1").ToJsonString());

        var (code, status, _) = await http.SendAsync(new HttpMethod(method), path, "{}", contentType);

        Assert.Equal(415, code);
        Assert.Equal("UnsupportedMediaType", (string?)status["reason"]);
        Assert.Equal(expected, (string?)status["message"]);
    }
}
