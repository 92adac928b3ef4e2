using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CapiSdk.Generator.Tests.Incremental;

/// <summary>
/// The pipeline's intermediate models are value-equatable, so the generator does no work for what did not
/// change: an edit to a .cs file re-parses and re-emits nothing; an edit to one YAML file re-parses only it and
/// re-emits only its models and its share of the JSON context.
/// </summary>
public sealed class CachingTests
{
    private static readonly string Widgets = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"));
    private static readonly string Gadgets = File.ReadAllText(Path.Combine("Fixtures", "Mapping", "multi-version.yaml"));

    [Fact]
    public void Editing_an_unrelated_cs_file_reparses_and_reemits_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class User { int Changed; }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(Reasons(result, CrdSourceGenerator.Steps.ParsedFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, CrdSourceGenerator.Steps.Resources), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.NotEmpty(Reasons(result, CrdSourceGenerator.Steps.Resources));
    }

    [Fact]
    public void Editing_one_yaml_file_reparses_only_that_file_and_reemits_only_its_kinds()
    {
        var (driver, compilation) = FirstRun();
        var old = driver.GetRunResult().Results.Single();
        var widgets = new InMemoryAdditionalText("/crds/widgets.yaml", Widgets.Replace("description: A widget.", "description: A better widget."));

        var result = driver
            .ReplaceAdditionalText(_widgets, widgets)
            .RunGenerators(compilation).GetRunResult().Results.Single();

        var parsed = Steps(result, CrdSourceGenerator.Steps.ParsedFiles).ToList();
        Assert.Equal(IncrementalStepRunReason.Cached, parsed.Single(p => FilePath(p) == "/crds/gadgets.yaml").Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, parsed.Single(p => FilePath(p) == "/crds/widgets.yaml").Reason);
        var resources = Steps(result, CrdSourceGenerator.Steps.Resources).ToList();
        Assert.All(resources.Where(r => Kind(r) != "Widget"), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, Kind(r) + " " + r.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, resources.Single(r => Kind(r) == "Widget").Reason);
        Assert.NotEqual(old.GeneratedSources.Single(s => s.HintName.EndsWith("Widget.g.cs", StringComparison.Ordinal)).SourceText.ToString(),
            result.GeneratedSources.Single(s => s.HintName.EndsWith("Widget.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Theory]
    [InlineData("description: A widget.", "description: A better widget.")]
    [InlineData("              ready: {type: boolean}", "              ready: {type: boolean}\n              phase: {type: string}")]
    public void Editing_one_yaml_file_reemits_only_that_files_json_metadata(string before, string after)
    {
        var (driver, compilation) = FirstRun();
        var old = driver.GetRunResult().Results.Single();
        var edited = Widgets.Replace(before, after, StringComparison.Ordinal);
        Assert.NotEqual(Widgets, edited);

        var result = driver
            .ReplaceAdditionalText(_widgets, new InMemoryAdditionalText("/crds/widgets.yaml", edited))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        var files = Steps(result, CrdSourceGenerator.Steps.JsonFiles).ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, files.Single(f => JsonFileId(f).StartsWith("widgets_", StringComparison.Ordinal)).Reason);
        var gadgets = files.Single(f => JsonFileId(f).StartsWith("gadgets_", StringComparison.Ordinal));
        Assert.True(gadgets.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, gadgets.Reason.ToString());
        Assert.All(Reasons(result, CrdSourceGenerator.Steps.JsonRoot), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.NotEmpty(Reasons(result, CrdSourceGenerator.Steps.JsonRoot));
        Assert.Equal(JsonSource(old, "gadgets_"), JsonSource(result, "gadgets_"));
        Assert.Equal(JsonSource(old, "Test.CrdJsonContext.g.cs"), JsonSource(result, "Test.CrdJsonContext.g.cs"));
        Assert.Equal(before.StartsWith("description", StringComparison.Ordinal), JsonSource(old, "widgets_") == JsonSource(result, "widgets_"));
    }

    [Fact]
    public void Rerunning_with_no_change_reuses_every_output()
    {
        var (driver, compilation) = FirstRun();

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private readonly AdditionalText _widgets = new InMemoryAdditionalText("/crds/widgets.yaml", Widgets);

    private (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { _widgets, new InMemoryAdditionalText("/crds/gadgets.yaml", Gadgets) });
        var compilation = GeneratorHarness.CreateCompilation(extraSource: "class User { }");
        return (driver.RunGenerators(compilation), compilation);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Steps(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs);

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) => Steps(result, step).Select(o => o.Reason);

    private static string FilePath((object Value, IncrementalStepRunReason Reason) step) =>
        (string)step.Value.GetType().GetProperty("Path")!.GetValue(step.Value)!;

    private static string JsonFileId((object Value, IncrementalStepRunReason Reason) step) =>
        (string)step.Value.GetType().GetProperty("FileId")!.GetValue(step.Value)!;

    private static string JsonSource(GeneratorRunResult result, string hintNamePart) =>
        result.GeneratedSources.Single(s => s.HintName.Contains(".CrdJsonContext.", StringComparison.Ordinal) && s.HintName.Contains(hintNamePart, StringComparison.Ordinal)).SourceText.ToString();

    private static string Kind((object Value, IncrementalStepRunReason Reason) step)
    {
        var resource = step.Value.GetType().GetProperty("Resource")!.GetValue(step.Value)!;
        return (string)resource.GetType().GetProperty("Kind")!.GetValue(resource)!;
    }
}
