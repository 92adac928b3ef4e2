using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CapiSdk.Generator.Tests.Compatibility;

/// <summary>
/// The generated code compiles where users are: on .NET 8 with CapiSdk.Client, and with CapiSdk.Client.Aot on the
/// trim-safe KubernetesClient.Aot.
/// </summary>
public sealed class CompatibilityTests
{
    private static readonly string Widgets = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"));

    /// <summary>The .NET 8 SDK's compiler speaks C# 12: the generated code must not need more.</summary>
    private sealed class Net8Test : CSharpSourceGeneratorTest<CrdSourceGenerator, DefaultVerifier>
    {
        protected override ParseOptions CreateParseOptions() =>
            ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);
    }

    [Fact]
    public async Task Generated_code_compiles_without_warnings_as_CSharp_12_against_the_NET_8_reference_assemblies()
    {
        var test = new Net8Test
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.Sources.Add(("/src/User.cs", """
            using Acme.Example.V1;
            public static class User
            {
                public static string Describe(Widget widget) => widget.Spec?.Color?.Value ?? "none";
            }
            """));
        test.TestState.AdditionalFiles.Add(("/crds/widgets.yaml", Widgets));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = Acme\n"));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(GeneratorHarness.TestAssetPath("KubernetesClientNet8")));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(GeneratorHarness.ClientLibraryPath));

        await test.RunAsync();
    }

    [Fact]
    public void The_generated_models_and_clients_compile_against_CapiSdk_Client_Aot_and_KubernetesClient_Aot()
    {
        var references = GeneratorHarness.RuntimeAssemblyPaths
            .Append(GeneratorHarness.TestAssetPath("KubernetesClientAot"))
            .Append(GeneratorHarness.TestAssetPath("CapiSdkClientAot"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

        var run = GeneratorHarness.RunOn(GeneratorHarness.CreateCompilation(references), new[] { ("/crds/widgets.yaml", Widgets) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("Widget.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }
}
