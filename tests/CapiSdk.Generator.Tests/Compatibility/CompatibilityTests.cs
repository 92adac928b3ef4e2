using System.Collections.Immutable;
using System.Reflection;
using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CapiSdk.Generator.Tests.Compatibility;

/// <summary>
/// The generated code compiles where users are: on .NET 8 with CapiSdk.Client, and, with CapiSdk.Client's sources
/// built against it, on the trim-safe KubernetesClient.Aot.
/// </summary>
public sealed class CompatibilityTests
{
    private static readonly string Widgets = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"));

    internal static string Metadata(string key) =>
        typeof(CompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

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
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(Metadata("KubernetesClientNet8")));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(GeneratorHarness.ClientLibraryPath));

        await test.RunAsync();
    }

    [Fact]
    public void CapiSdk_Client_and_the_generated_models_and_clients_compile_against_KubernetesClient_Aot()
    {
        var aot = Metadata("KubernetesClientAot");
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtime)
            .Append(aot)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        var options = new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var library = ClientLibraryAgainst(references, options);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "AotUser",
            Array.Empty<SyntaxTree>(),
            references.Add(library),
            options);

        GeneratorHarness.CreateDriver(new[] { ("/crds/widgets.yaml", Widgets) }).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Widget.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    /// <summary>CapiSdk.Client's own sources (with the implicit usings its project has), compiled against <paramref name="references"/>.</summary>
    internal static MetadataReference ClientLibraryAgainst(ImmutableArray<MetadataReference> references, Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions options)
    {
        var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
        var implicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var trees = Directory.GetFiles(Path.Combine(ExpectedFiles.RepositoryRoot, "sdk", "CapiSdk.Client"), "*.cs", SearchOption.TopDirectoryOnly)
            .Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
            .Append(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(implicitUsings, parse))
            .ToList();
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("CapiSdk.Client", trees, references, options);
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
