using CapiSdk.Testing.Schema;
using CapiSdk.Testing.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>The validator's shortcut for plain scalars reports exactly what NJsonSchema reports, for valid and invalid values.</summary>
public sealed class LeafShortcutValidatorTests
{
    private const string SchemaJson = """
        {"type":"object","required":["name"],"properties":{
          "name":{"type":"string"},
          "count":{"type":"integer"},
          "ratio":{"type":"number"},
          "on":{"type":"boolean"},
          "code":{"type":"string","pattern":"^[a-z]+$","maxLength":4},
          "mode":{"type":"string","enum":["a","b"]},
          "size":{"type":"integer","minimum":1},
          "note":{"type":["string","null"]},
          "port":{"anyOf":[{"type":"integer"},{"type":"string"}]},
          "when":{"type":"string","format":"date-time"},
          "tags":{"type":"array","items":{"type":"string"}},
          "labels":{"type":"object","additionalProperties":{"type":"string"}}}}
        """;

    public static TheoryData<string> Documents() =>
    [
        """{"name":"x","count":3,"ratio":0.5,"on":true,"code":"ab","mode":"a","size":2,"note":null,"port":80,"when":"2024-01-01T00:00:00Z","tags":["a"],"labels":{"k":"v"}}""",
        """{"name":1,"count":"3","ratio":"half","on":"yes","code":"ABCDE","mode":"c","size":0,"note":5,"port":true,"when":"later","tags":[1,"b"],"labels":{"k":2}}""",
        """{"count":1.5,"ratio":2,"on":null,"name":null}""",
        """{"name":"","tags":"a","labels":[]}""",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Reports_the_same_errors_as_NJsonSchema(string document)
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaJson, TestContext.Token);
        var token = JToken.Parse(document);

        var expected = new JsonSchemaValidator(new JsonSchemaValidatorSettings()).Validate(token, schema).Select(Describe).ToList();
        var actual = new LeafShortcutValidator().Validate(token, schema).Select(Describe).ToList();

        Assert.Equal(expected, actual);
    }

    private static string Describe(ValidationError e) =>
        $"{e.Kind} {e.Path} {e.Property}" + (e is ChildSchemaValidationError c ? " [" + string.Join("; ", c.Errors.Values.SelectMany(v => v).Select(Describe)) + "]" : "");
}
