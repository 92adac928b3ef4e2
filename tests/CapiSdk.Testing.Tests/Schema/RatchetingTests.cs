using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>
/// Validation ratcheting (CRDValidationRatcheting, on by default since 1.30): after a CRD tightens its schema, an
/// update that leaves the now-invalid values unchanged goes through; changing them to other invalid values does not.
/// </summary>
public sealed class RatchetingTests
{
    private const string CrdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private const string ObjPath = "/apis/example.com/v1/namespaces/default/ratchets/x1";

    private static string Crd(string specSchema) =>
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"ratchets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced","names":{"kind":"Ratchet","plural":"ratchets"},
          "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
            "properties":{"spec":
        """ + specSchema + "}}}}]}}";

    private const string Loose = """
        {"type":"object","properties":{"name":{"type":"string"},"code":{"type":"string"},"other":{"type":"string"},
         "items":{"type":"array","items":{"type":"object","properties":{"k":{"type":"string"}}}}}}
        """;

    private const string Strict = """
        {"type":"object","properties":{"name":{"type":"string","maxLength":3},
         "code":{"type":"string","x-kubernetes-validations":[{"rule":"self.startsWith('a')","message":"code must start with a"}]},
         "other":{"type":"string"},
         "items":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["k"],
           "items":{"type":"object","required":["k"],"properties":{"k":{"type":"string"}}}}}}
        """;

    private static async Task<HttpClient> TightenedAsync(KubeApiServer server)
    {
        var http = server.Http();
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, CrdPath, Crd(Loose))).Code);
        var (created, _, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/ratchets",
            """{"apiVersion":"example.com/v1","kind":"Ratchet","metadata":{"name":"x1"},"spec":{"name":"toolong","code":"bad","items":[{"k":"a"},{"k":"a"}]}}""");
        Assert.Equal(201, created);
        var (_, crd, _) = await http.GetJsonAsync(CrdPath + "/ratchets.example.com");
        var strict = JsonNode.Parse(Crd(Strict))!.AsObject();
        strict["metadata"]!["resourceVersion"] = (string?)crd["metadata"]!["resourceVersion"];
        Assert.Equal(200, (await http.SendAsync(HttpMethod.Put, CrdPath + "/ratchets.example.com", strict.ToJsonString())).Code);
        return http;
    }

    private static Task<(int Code, JsonObject Body, HttpResponseMessage Response)> PatchAsync(HttpClient http, string spec) =>
        http.SendAsync(HttpMethod.Patch, ObjPath, $$"""{"spec":{{spec}}}""", "application/merge-patch+json");

    [Fact]
    public async Task An_update_that_keeps_invalid_values_unchanged_succeeds_and_CEL_failures_become_warnings()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = await TightenedAsync(server);

        var (code, body, response) = await PatchAsync(http, """{"other":"changed"}""");

        Assert.Equal(200, code);
        Assert.Equal("changed", (string?)body["spec"]!["other"]);
        Assert.Contains(response.Headers.GetValues("Warning"), w => w == "299 - \"spec.code: Invalid value: \\\"string\\\": code must start with a\"");
    }

    [Fact]
    public async Task Changing_an_invalid_value_to_another_invalid_value_is_refused()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = await TightenedAsync(server);

        var (nameCode, nameBody, _) = await PatchAsync(http, """{"name":"stilltoolong"}""");
        var (codeCode, codeBody, _) = await PatchAsync(http, """{"code":"worse"}""");

        Assert.Equal(422, nameCode);
        Assert.Contains("spec.name: Too long: may not be more than 3 bytes", (string?)nameBody["message"]);
        Assert.Equal(422, codeCode);
        Assert.Contains("spec.code: Invalid value: \"string\": code must start with a", (string?)codeBody["message"]);
    }

    [Fact]
    public async Task Duplicate_list_map_keys_already_stored_do_not_block_updates_but_new_objects_are_checked()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = await TightenedAsync(server);

        var (code, _, _) = await PatchAsync(http, """{"other":"changed"}""");
        var (createCode, createBody, _) = await http.SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/ratchets",
            """{"apiVersion":"example.com/v1","kind":"Ratchet","metadata":{"name":"x2"},"spec":{"items":[{"k":"a"},{"k":"a"}]}}""");

        Assert.Equal(200, code);
        Assert.Equal(422, createCode);
        Assert.Contains("spec.items[1]: Duplicate value: map[string]interface {}{\"k\":\"a\"}", (string?)createBody["message"]);
    }
}
