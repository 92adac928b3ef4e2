using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>x-kubernetes-validations, with the messages of apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go.</summary>
public sealed class CelValidationTests
{
    [Fact]
    public async Task A_failing_root_rule_returns_422_at_the_nil_path_with_its_message()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("bad", "{}")));

        Assert.Equal(422, status.Code);
        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("Rule.example.com \"bad\" is invalid: <nil>: Invalid value: \"object\": name must start with r", status.Message);
        Assert.Equal("FieldValueInvalid", (string?)status.Details!["causes"]![0]!["reason"]);
    }

    [Fact]
    public async Task MessageExpression_gives_the_message()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"min":5,"max":3}""")));

        Assert.Equal("spec: Invalid value: \"object\": min (5) must not exceed max (3)", Rules.Causes(status));
    }

    [Fact]
    public async Task Reason_and_fieldPath_shape_the_cause()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"mode":"forbidden"}""")));

        var cause = status.Details!["causes"]![0]!;
        Assert.Equal("FieldValueForbidden", (string?)cause["reason"]);
        Assert.Equal("spec.mode", (string?)cause["field"]);
        Assert.Equal("Forbidden: mode forbidden is not allowed", (string?)cause["message"]);
    }

    [Fact]
    public async Task A_rule_without_message_says_failed_rule_and_the_rule()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"code":"ABC"}""")));

        Assert.Equal("spec.code: Invalid value: \"string\": failed rule: self.matches('^[a-z]+$') && self.lowerAscii() == self", Rules.Causes(status));
    }

    [Fact]
    public async Task A_rule_over_list_items_sees_the_whole_list()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"names":["a","b","a"]}""")));
        var ok = await client.CreateRuleAsync(Rules.New("r2", """{"names":["a","b"]}"""));

        Assert.Equal("spec.names: Invalid value: \"array\": entries in names must be unique", Rules.Causes(status));
        Assert.Equal(2, ok["spec"]!["names"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_missing_field_the_rule_reads_is_a_no_such_key_error()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"lookup":{"other":"y"}}""")));

        Assert.Equal("spec.lookup: Invalid value: \"object\": no such key: key evaluating rule: self.key == 'x'", Rules.Causes(status));
    }

    [Fact]
    public async Task A_transition_rule_is_skipped_on_create_and_enforced_on_update()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();
        await client.CreateRuleAsync(Rules.New("r1", """{"immutable":"a"}"""));

        var status = await Widgets.FailsAsync(() => client.PatchSpecAsync("r1", """{"immutable":"b"}"""));
        var unchanged = await client.PatchSpecAsync("r1", """{"mode":"m"}""");

        Assert.Equal(422, status.Code);
        Assert.Equal("spec.immutable: Invalid value: \"string\": immutable is immutable", Rules.Causes(status));
        Assert.Equal("a", (string?)unchanged["spec"]!["immutable"]);
    }

    [Fact]
    public async Task A_transition_rule_is_skipped_when_the_field_is_new_in_the_update()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();
        await client.CreateRuleAsync(Rules.New("r1", "{}"));

        var updated = await client.PatchSpecAsync("r1", """{"immutable":"b"}""");

        Assert.Equal("b", (string?)updated["spec"]!["immutable"]);
    }

    [Fact]
    public async Task An_optionalOldSelf_rule_runs_on_create_too_and_compares_on_update()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();
        await client.CreateRuleAsync(Rules.New("r1", """{"growOnly":5}"""));

        var shrink = await Widgets.FailsAsync(() => client.PatchSpecAsync("r1", """{"growOnly":3}"""));
        var grown = await client.PatchSpecAsync("r1", """{"growOnly":7}""");

        Assert.Equal("spec.growOnly: Invalid value: \"integer\": growOnly may only grow", Rules.Causes(shrink));
        Assert.Equal(7, (int)grown["spec"]!["growOnly"]!);
    }

    [Fact]
    public async Task Rules_are_not_run_when_the_schema_already_refused_the_object()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CreateRuleAsync(Rules.New("r1", """{"legacy":"toolong","min":5,"max":3}""")));

        Assert.Equal(
            "spec.legacy: Too long: may not be more than 3 bytes | <nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
            Rules.Causes(status));
    }

    [Fact]
    public async Task A_rule_calling_an_unsupported_function_is_refused_when_the_CRD_is_created()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = server.Http();
        var crd = """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"things.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"kind":"Thing","plural":"things"},
              "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
                "properties":{"spec":{"type":"object","x-kubernetes-validations":[{"rule":"isQuantity(self.size)"}],
                  "properties":{"size":{"type":"string"}}}}}}}]}}
            """;

        var (code, body, _) = await http.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);

        Assert.Equal(422, code);
        Assert.Contains("openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule", (string?)body["message"]);
        Assert.Contains("the function 'isQuantity' is not supported", (string?)body["message"]);
    }

    [Fact]
    public async Task A_CRD_file_with_an_unsupported_function_fails_the_start_naming_the_rule()
    {
        var yaml = File.ReadAllText(TestServer.Fixture("rules.example.com.yaml")).Replace("self.metadata.name.startsWith('r')", "self.metadata.name.reverse() == 'r'", StringComparison.Ordinal);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => KubeApiServer.StartAsync(new KubeApiServerOptions { CrdYaml = { yaml } }, TestContext.Token));

        Assert.Contains("openAPIV3Schema.x-kubernetes-validations[0].rule", e.Message);
        Assert.Contains("'reverse'", e.Message);
    }

    [Fact]
    public async Task A_root_schema_that_requires_metadata_accepts_objects()
    {
        await using var server = await Rules.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CreateRuleAsync(Rules.New("r1", "{}"));

        Assert.Equal("r1", (string?)created["metadata"]!["name"]);
    }
}
