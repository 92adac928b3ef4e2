using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Lifecycle;

/// <summary>Finalizer names as ObjectMeta validation (errors) and the custom resource strategy (warnings) check them.</summary>
public sealed class FinalizerNameTests
{
    private const string Widgets = "/apis/example.com/v1/namespaces/default/widgets";

    private static string Widget(string finalizers) =>
        """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","finalizers":""" + finalizers + """},"spec":{"color":"red"}}""";

    [Fact]
    public async Task A_finalizer_without_a_domain_is_accepted_with_a_warning()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, _, response) = await http.SendAsync(HttpMethod.Post, Widgets, Widget("""["cleanup","example.com/ok"]"""));

        Assert.Equal(201, code);
        Assert.Equal(["299 - \"metadata.finalizers: \\\"cleanup\\\": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers\""],
            response.Headers.GetValues("Warning"));
    }

    [Fact]
    public async Task Only_newly_added_finalizers_are_warned_about()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, Widgets, Widget("""["cleanup"]"""));

        var (code, _, response) = await http.SendAsync(HttpMethod.Patch, Widgets + "/w1", """{"metadata":{"labels":{"a":"b"}}}""", "application/merge-patch+json");

        Assert.Equal(200, code);
        Assert.False(response.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task A_finalizer_that_is_not_a_qualified_name_returns_422()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, body, _) = await http.SendAsync(HttpMethod.Post, Widgets, Widget("""["example.com/not ok"]"""));

        Assert.Equal(422, code);
        Assert.Equal("metadata.finalizers", (string?)body["details"]!["causes"]![0]!["field"]);
        Assert.StartsWith("Invalid value: \"example.com/not ok\": name part must consist of alphanumeric characters", (string?)body["details"]!["causes"]![0]!["message"]);
    }

    [Fact]
    public async Task Orphan_and_foregroundDeletion_together_return_422()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();

        var (code, body, _) = await http.SendAsync(HttpMethod.Post, Widgets, Widget("""["orphan","foregroundDeletion"]"""));

        Assert.Equal(422, code);
        Assert.Equal("Widget.example.com \"w1\" is invalid: metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set", (string?)body["message"]);
    }
}
