using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Mapping;

/// <summary>
/// One small CRD per mapping rule: the generated models must equal the reviewed file next to it, and compile
/// with no warning (nullable on, all warnings) together with the support types and the JSON context.
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
    public void Every_support_template_is_emitted_once_in_the_projects_root_namespace()
    {
        var generator = typeof(CrdSourceGenerator).Assembly;
        var templates = generator.GetManifestResourceNames().Where(n => n.StartsWith("CapiSdk.Generator.Templates.", StringComparison.Ordinal)).ToList();

        var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine("Fixtures", "Mapping", "primitives.yaml")));

        Assert.True(templates.Count >= 10, "the client engine, its options, errors, helpers and IntOrString are templates");
        Assert.All(templates, name =>
        {
            using var reader = new StreamReader(generator.GetManifestResourceStream(name)!);
            var expected = reader.ReadToEnd().Replace("namespace CapiSdkRoot;", "namespace Test;", StringComparison.Ordinal);
            var hint = "CapiSdk." + name["CapiSdk.Generator.Templates.".Length..^".cs".Length] + ".g.cs";
            Assert.Equal(expected, run.Source(hint));
            Assert.DoesNotContain("CapiSdkRoot", expected, StringComparison.Ordinal);
        });
    }
}
