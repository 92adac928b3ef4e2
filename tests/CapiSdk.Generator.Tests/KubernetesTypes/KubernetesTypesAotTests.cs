using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>With the opt-in, the models that hold KubernetesClient's classes still compile against the trim-safe KubernetesClient.Aot.</summary>
public sealed class KubernetesTypesAotTests
{
    [Fact]
    public void Models_holding_KubernetesClient_classes_and_the_converters_compile_against_KubernetesClient_Aot()
    {
        var references = GeneratorHarness.RuntimeAssemblyPaths
            .Append(GeneratorHarness.TestAssetPath("KubernetesClientAot"))
            .Append(GeneratorHarness.TestAssetPath("CapiSdkClientAot"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

        var run = GeneratorHarness.RunOn(
            GeneratorHarness.CreateCompilation(references),
            new[] { (WorkloadBuild.Path, WorkloadBuild.Yaml) },
            new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" });

        Assert.Contains("global::k8s.Models.V1Probe", run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Workload.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }
}
