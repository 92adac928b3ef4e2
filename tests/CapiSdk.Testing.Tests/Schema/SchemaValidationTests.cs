using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Schema;

public sealed class SchemaValidationTests
{
    [Theory]
    [InlineData("""{"size":"small"}""", "spec.color", "FieldValueRequired")]
    [InlineData("""{"color":"red","size":"huge"}""", "spec.size", "FieldValueNotSupported")]
    [InlineData("""{"color":"Red!"}""", "spec.color", "FieldValueInvalid")]
    [InlineData("""{"color":"red","replicas":11}""", "spec.replicas", "FieldValueInvalid")]
    [InlineData("""{"color":"red","replicas":-1}""", "spec.replicas", "FieldValueInvalid")]
    [InlineData("""{"color":"abcdefghijklmnopqrstuvwxyz"}""", "spec.color", "FieldValueTooLong")]
    [InlineData("""{"color":"red","nickname":"x"}""", "spec.nickname", "FieldValueInvalid")]
    [InlineData("""{"color":"red","tags":["a","b","c","d"]}""", "spec.tags", "FieldValueTooMany")]
    [InlineData("""{"color":"red","owner":"not-an-email"}""", "spec.owner", "FieldValueInvalid")]
    [InlineData("""{"color":"red","replicas":"three"}""", "spec.replicas", "FieldValueTypeInvalid")]
    [InlineData("""{"color":"red","ports":[{"port":80}]}""", "spec.ports[0].name", "FieldValueRequired")]
    public async Task Invalid_spec_returns_422_Invalid_with_a_cause_naming_the_field(string spec, string field, string reason)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["spec"] = JsonNode.Parse(spec);

        var status = await Widgets.FailsAsync(() => client.CreateAsync(w));

        Assert.Equal(422, status.Code);
        Assert.Equal("Invalid", status.Reason);
        Assert.StartsWith("Widget.example.com \"w1\" is invalid: ", status.Message);
        Assert.Equal("Widget", (string?)status.Details!["kind"]);
        var cause = status.Details!["causes"]!.AsArray().First(c => (string?)c!["field"] == field);
        Assert.Equal(reason, (string?)cause!["reason"]);
    }

    [Fact]
    public async Task Defaults_from_the_schema_are_applied_on_create()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CreateAsync(Widgets.New("w1"));

        Assert.Equal("medium", (string?)created["spec"]!["size"]);
        Assert.Equal(1, (int)created["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_and_reported_in_a_Warning_header()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        var w = Widgets.New("w1");
        w["spec"]!["bogus"] = 1;

        var (code, created, response) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", w.ToJsonString());

        Assert.Equal(201, code);
        Assert.Null(created["spec"]!["bogus"]);
        Assert.Contains(response.Headers.GetValues("Warning"), v => v.Contains("unknown field \\\"spec.bogus\\\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_fields_with_fieldValidation_Strict_return_400_BadRequest()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        var w = Widgets.New("w1");
        w["spec"]!["bogus"] = 1;

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets?fieldValidation=Strict", w.ToJsonString());

        Assert.Equal(400, code);
        Assert.Contains("strict decoding error: unknown field \"spec.bogus\"", (string?)status["message"]);
    }

    [Fact]
    public async Task Fields_under_preserve_unknown_fields_are_kept()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["spec"]!["config"] = new JsonObject { ["anything"] = new JsonObject { ["goes"] = true } };

        var created = await client.CreateAsync(w);

        Assert.True((bool)created["spec"]!["config"]!["anything"]!["goes"]!);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("\"50%\"")]
    public async Task Int_or_string_fields_accept_integers_and_strings(string value)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["spec"]!["target"] = JsonNode.Parse(value);

        var created = await client.CreateAsync(w);

        Assert.Equal(value, created["spec"]!["target"]!.ToJsonString());
    }

    [Fact]
    public async Task Int_or_string_fields_reject_booleans()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["spec"]!["target"] = true;

        var status = await Widgets.FailsAsync(() => client.CreateAsync(w));

        Assert.Equal("spec.target", (string?)status.Details!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Nullable_fields_accept_null()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        var w = Widgets.New("w1");
        w["spec"]!["nickname"] = null;

        var (code, created, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", w.ToJsonString());

        Assert.Equal(201, code);
        Assert.True(created["spec"]!.AsObject().ContainsKey("nickname"));
    }

    [Fact]
    public async Task Null_on_a_non_nullable_field_is_pruned_and_then_defaulted()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        var w = Widgets.New("w1");
        w["spec"]!["size"] = null;

        var (code, created, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", w.ToJsonString());

        Assert.Equal(201, code);
        Assert.Equal("medium", (string?)created["spec"]!["size"]);
    }

    [Fact]
    public async Task Updates_are_validated_too()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));

        var status = await Widgets.FailsAsync(() => client.PatchAsync("w1", """{"spec":{"replicas":100}}""", V1Patch.PatchType.MergePatch));

        Assert.Equal(422, status.Code);
        Assert.Contains("spec.replicas in body should be less than or equal to 10", status.Message);
    }

    [Fact]
    public async Task Defaults_apply_inside_list_items()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var w = Widgets.New("w1");
        w["spec"]!["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80 });

        var created = await client.CreateAsync(w);

        Assert.Equal("TCP", (string?)created["spec"]!["ports"]![0]!["protocol"]);
    }

    [Fact]
    public async Task Wrong_type_for_an_object_field_is_reported_on_that_field()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.Http();
        var w = Widgets.New("w1");
        w["spec"] = "not an object";

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", w.ToJsonString());

        Assert.Equal(422, code);
        Assert.Equal("spec", (string?)status["details"]!["causes"]![0]!["field"]);
        Assert.Equal("FieldValueTypeInvalid", (string?)status["details"]!["causes"]![0]!["reason"]);
    }
}
