using System.Collections.Immutable;
using CapiSdk.Generator.Tests.Compatibility;
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
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtime)
            .Append(CompatibilityTests.Metadata("KubernetesClientAot"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        var options = new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var library = CompatibilityTests.ClientLibraryAgainst(references, options);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("AotUser", Array.Empty<SyntaxTree>(), references.Add(library), options);

        GeneratorHarness.CreateDriver(new[] { (WorkloadBuild.Path, WorkloadBuild.Yaml) }, new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        Assert.Contains("global::k8s.Models.V1Probe", output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Workload.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }
}
