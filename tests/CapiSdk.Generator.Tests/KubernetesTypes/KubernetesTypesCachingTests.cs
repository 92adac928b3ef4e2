using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>The KubernetesClient classes are read from the compilation on every edit, but an edit that does not change them re-parses nothing.</summary>
public sealed class KubernetesTypesCachingTests
{
    [Fact]
    public void With_the_opt_in_an_edit_to_a_cs_file_reparses_and_reemits_nothing()
    {
        var driver = GeneratorHarness.CreateDriver(new[] { (WorkloadBuild.Path, WorkloadBuild.Yaml) }, new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" });
        var compilation = GeneratorHarness.CreateCompilation(extraSource: "class User { }");
        driver = driver.RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class User { int Changed; }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var parsed = result.TrackedSteps[CrdSourceGenerator.Steps.ParsedFiles].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        var emitted = result.TrackedSteps[CrdSourceGenerator.Steps.Resources].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(parsed);
        Assert.All(parsed, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(emitted, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains("global::k8s.Models.V1Probe", result.GeneratedSources.Single(s => s.HintName.EndsWith("Workload.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }
}
