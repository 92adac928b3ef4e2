using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>
/// The compiled validator reports exactly the errors (reason, message, field, order) the earlier NJsonSchema-based path
/// reports, for objects built from the upstream CRDs' schemas and for systematic mutations of them.
/// </summary>
public sealed class CompiledSchemaDifferentialTests
{
    private const string Widget = """
        {"type":"object","required":["spec"],"properties":{"spec":{"type":"object","required":["name"],"properties":{
          "name":{"type":"string","minLength":2,"maxLength":5,"pattern":"^[a-z]+$"},
          "mode":{"type":"string","enum":["a","b"]},
          "size":{"type":"integer","minimum":1,"maximum":9},
          "ratio":{"type":"number","minimum":0.5,"exclusiveMaximum":true,"maximum":2},
          "note":{"type":"string","nullable":true,"maxLength":3},
          "port":{"x-kubernetes-int-or-string":true},
          "when":{"type":"string","format":"date-time"},
          "blob":{"type":"string","format":"byte"},
          "tags":{"type":"array","maxItems":2,"minItems":1,"uniqueItems":true,"items":{"type":"string","maxLength":2}},
          "labels":{"type":"object","maxProperties":2,"additionalProperties":{"type":"integer"}},
          "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
          "nested":{"type":"object","nullable":true,"required":["x"],"properties":{"x":{"type":"boolean"}}}}}}}
        """;

    [Fact]
    public async Task Reports_the_same_errors_as_NJsonSchema_for_a_widget_schema()
    {
        var schema = JsonNode.Parse(Widget)!.AsObject();
        var valid = SchemaSamples.Valid(schema)!.AsObject();
        var count = await CompareAsync(schema, [valid, .. SchemaSamples.Mutations(schema, valid, stride: 1),
            JsonNode.Parse("""{"spec":{"name":"A-ä","labels":{"a.b/c":"x","d":1,"e":2},"tags":["x","x","yyy"],"port":true,"note":5,"nested":null,"when":"later","blob":"!"}}""")!.AsObject()]);
        Assert.True(count > 30, $"only {count} objects with errors");
    }

    [SharedCrdsFact]
    public async Task Reports_the_same_errors_as_NJsonSchema_for_the_upstream_crds()
    {
        var compared = 0;
        foreach (var file in SharedCrds.All)
        {
            var crd = Yaml.ToJson(await File.ReadAllTextAsync(file, TestContext.Token));
            foreach (var version in crd["spec"]?["versions"]?.AsArray() ?? [])
            {
                if (version?["schema"]?["openAPIV3Schema"] is not JsonObject schema)
                {
                    continue;
                }
                var valid = SchemaSamples.Valid(schema)!.AsObject();
                valid["metadata"] = new JsonObject { ["name"] = "x" };
                compared += await CompareAsync(schema, [valid, .. SchemaSamples.Mutations(schema, valid, stride: 7)]);
            }
        }
        Assert.True(compared > 1000, $"only {compared} objects with errors");
    }

    /// <summary>Compares every object; returns how many had errors (the mutations must produce some).</summary>
    private static async Task<int> CompareAsync(JsonObject structural, List<JsonObject> objects)
    {
        var withErrors = 0;
        var oracle = await NJsonSchemaOracle.CreateAsync(structural, TestContext.Token);
        var validator = await SchemaValidator.CreateAsync(structural, TestContext.Token);
        foreach (var obj in objects)
        {
            var expected = oracle.Errors(obj).Select(Describe).ToList();
            var actual = validator.SchemaErrors(obj).Select(Describe).ToList();
            withErrors += expected.Count > 0 ? 1 : 0;
            Assert.True(expected.SequenceEqual(actual), $"for {obj.ToJsonString()}\nexpected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", actual)}");
        }
        return withErrors;
    }

    private static string Describe(FieldError e) => $"{e.Reason} | {e.Field} | {e.Message}";
}
