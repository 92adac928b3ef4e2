using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Versions;

/// <summary>A body's apiVersion and kind against the URL, and deprecated versions, as the real server answers them.</summary>
public sealed class TypeMetaTests
{
    [Theory]
    [InlineData("conv.example.com/v1alpha1")]
    [InlineData("other.example.com/v1")]
    public async Task A_create_whose_apiVersion_differs_from_the_URL_is_400(string apiVersion)
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();
        var body = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "Thing", ["metadata"] = new JsonObject { ["name"] = "t1" } };

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, Things.Path("v1"), body.ToJsonString());
        var (getCode, _, _) = await http.GetJsonAsync(Things.Path("v1", "t1"));

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.Equal($"the API version in the data ({apiVersion}) does not match the expected API version (conv.example.com/v1)", (string?)status["message"]);
        Assert.Equal(404, getCode);
    }

    [Fact]
    public async Task An_update_whose_apiVersion_differs_from_the_URL_is_400()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();
        var (_, created, _) = await http.SendAsync(HttpMethod.Post, Things.Path("v1"), Things.Body("v1", "t1", []));
        created["apiVersion"] = "conv.example.com/v1alpha1";

        var (code, status, _) = await http.SendAsync(HttpMethod.Put, Things.Path("v1", "t1"), created.ToJsonString());

        Assert.Equal(400, code);
        Assert.Equal("the API version in the data (conv.example.com/v1alpha1) does not match the expected API version (conv.example.com/v1)", (string?)status["message"]);
    }

    [Fact]
    public async Task A_body_without_apiVersion_is_400()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, Things.Path("v1"), """{"kind":"Thing","metadata":{"name":"t1"}}""");

        Assert.Equal(400, code);
        Assert.Equal("the API version in the data () does not match the expected API version (conv.example.com/v1)", (string?)status["message"]);
    }

    [Fact]
    public async Task A_body_without_kind_is_400()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, Things.Path("v1"), """{"apiVersion":"conv.example.com/v1","metadata":{"name":"t1"}}""");

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.StartsWith("the object provided is unrecognized (must be of type Thing): Object 'Kind' is missing in '{\"apiVersion\":\"conv.example.com/v1\"", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_apply_whose_apiVersion_differs_from_the_URL_is_400()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Patch, Things.Path("v1", "t1") + "?fieldManager=test",
            "apiVersion: conv.example.com/v1alpha1\nkind: Thing\nmetadata:\n  name: t1\n", "application/apply-patch+yaml");

        Assert.Equal(400, code);
        Assert.Equal("Incorrect version specified in apply patch. Specified patch version: conv.example.com/v1alpha1, expected: conv.example.com/v1", (string?)status["message"]);
    }

    [Fact]
    public async Task Requests_to_a_deprecated_version_get_the_default_Warning()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();

        var (_, _, created) = await http.SendAsync(HttpMethod.Post, Things.Path("v1alpha1"), Things.Body("v1alpha1", "t1", []));
        var (_, _, list) = await http.GetJsonAsync(Things.Path("v1alpha1"));
        var (_, _, current) = await http.GetJsonAsync(Things.Path("v1"));

        Assert.Equal(["299 - \"conv.example.com/v1alpha1 Thing is deprecated; use conv.example.com/v1 Thing\""], created.Headers.GetValues("Warning"));
        Assert.Equal(["299 - \"conv.example.com/v1alpha1 Thing is deprecated; use conv.example.com/v1 Thing\""], list.Headers.GetValues("Warning"));
        Assert.False(current.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task A_deprecationWarning_replaces_the_default_text()
    {
        await using var server = await Things.StartAsync(deprecation: "deprecationWarning: 'v1alpha1 goes away in 2027, use \"v1\"'");
        using var http = server.Http();

        var (_, _, response) = await http.GetJsonAsync(Things.Path("v1alpha1"));

        Assert.Equal(["299 - \"v1alpha1 goes away in 2027, use \\\"v1\\\"\""], response.Headers.GetValues("Warning"));
    }

    [KubectlFact]
    public async Task Kubectl_prints_the_deprecation_warning()
    {
        await using var server = await Things.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (exit, _, err) = await kubectl.RunAsync("get things.v1alpha1.conv.example.com");

        Assert.Equal(0, exit);
        Assert.Contains("Warning: conv.example.com/v1alpha1 Thing is deprecated; use conv.example.com/v1 Thing", err, StringComparison.Ordinal);
    }
}
