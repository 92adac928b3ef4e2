using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Mapping;

/// <summary>
/// One small CRD per mapping rule: the generated models must equal the reviewed file next to it, and compile
/// with no warning (nullable on, all warnings) against CapiSdk.Client, together with the JSON context.
/// </summary>
public sealed class ExpectedOutputTests
{
    [Theory]
    [InlineData("primitives")]
    [InlineData("naming")]
    [InlineData("enums")]
    [InlineData("int-or-string")]
    [InlineData("preserve-unknown-fields")]
    [InlineData("maps")]
    [InlineData("arrays")]
    [InlineData("embedded-resource")]
    [InlineData("validation-only")]
    [InlineData("docs")]
    [InlineData("multi-version")]
    [InlineData("conditions")]
    public void Generated_models_match_the_expected_file_and_compile_cleanly(string fixture)
    {
        var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine("Fixtures", "Mapping", fixture + ".yaml")), "/crds/" + fixture + ".yaml");

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        var models = run.Sources
            .Where(s => !s.HintName.StartsWith("CapiSdk.", StringComparison.Ordinal) && !s.HintName.Contains(".CrdJsonContext.", StringComparison.Ordinal))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => "// ==== " + s.HintName + "\n" + s.SourceText);
        ExpectedFiles.AssertMatches(Path.Combine("Fixtures", "Mapping", fixture + ".expected.cs"), string.Join("\n", models));
    }

    [Fact]
    public void The_json_context_matches_the_expected_file()
    {
        var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine("Fixtures", "Mapping", "primitives.yaml")));

        var context = run.Sources
            .Where(s => s.HintName.Contains(".CrdJsonContext.", StringComparison.Ordinal))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => "// ==== " + s.HintName + "\n" + s.SourceText);
        ExpectedFiles.AssertMatches(Path.Combine("Fixtures", "Mapping", "json-context.expected.cs"), string.Join("\n", context));
    }

    [Fact]
    public void Only_models_clients_and_their_JSON_metadata_are_generated_and_the_engine_is_CapiSdk_Client()
    {
        var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine("Fixtures", "Mapping", "primitives.yaml")));

        var hintNames = run.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, hintNames.Count);
        Assert.Equal("Test.CrdJsonContext.g.cs", hintNames[0]);
        Assert.StartsWith("Test.CrdJsonContext.test_", hintNames[1], StringComparison.Ordinal);
        Assert.Equal("Test.Primitives.V1.Primitive.g.cs", hintNames[2]);
        var all = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains(": global::CapiSdk.Client.NamespacedResourceClient<Primitive, PrimitiveList>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("class KubernetesResourceClient", all, StringComparison.Ordinal);
        Assert.DoesNotContain("struct IntOrString", all, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }
}
