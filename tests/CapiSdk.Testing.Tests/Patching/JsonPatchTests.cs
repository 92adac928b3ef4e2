using System.Text.Json.Nodes;
using CapiSdk.Testing.Patching;

namespace CapiSdk.Testing.Tests.Patching;

public sealed class JsonPatchTests
{
    private static string Apply(string doc, string ops) =>
        JsonPatch.Apply(JsonNode.Parse(doc)!, JsonNode.Parse(ops)!.AsArray()).ToJsonString();

    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":2}]""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":[1,3]}""", """[{"op":"add","path":"/a/1","value":2}]""", """{"a":[1,2,3]}""")]
    [InlineData("""{"a":[1]}""", """[{"op":"add","path":"/a/-","value":2}]""", """{"a":[1,2]}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/a","value":5}]""", """{"a":5}""")]
    [InlineData("""{"a":1}""", """[{"op":"move","from":"/a","path":"/b"}]""", """{"b":1}""")]
    [InlineData("""{"a":{"x":1}}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":{"x":1},"b":{"x":1}}""")]
    [InlineData("""{"a/b":1}""", """[{"op":"replace","path":"/a~1b","value":2}]""", """{"a/b":2}""")]
    public void Operations_follow_RFC_6902(string doc, string ops, string expected) => Assert.Equal(expected, Apply(doc, ops));

    [Fact]
    public void Failing_test_operation_throws_a_test_failure() =>
        Assert.True(Assert.Throws<PatchException>(() => Apply("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]""")).IsTestFailure);

    [Fact]
    public void Removing_a_missing_path_throws() =>
        Assert.Throws<PatchException>(() => Apply("""{"a":1}""", """[{"op":"remove","path":"/b"}]"""));
}
