using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="CrdSourceGenerator"/> the way the compiler does, over in-memory files and options.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static GeneratorRun Run(
        IEnumerable<(string Path, string Text)> files,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null,
        bool withKubernetesClient = true,
        string? extraSource = null,
        bool withClientLibrary = true) =>
        RunOn(CreateCompilation(withKubernetesClient, extraSource, withClientLibrary), files, properties, fileMetadata);

    /// <summary>Runs the generator over <paramref name="files"/> in a compilation of the caller's (other references, other sources).</summary>
    public static GeneratorRun RunOn(
        Compilation compilation,
        IEnumerable<(string Path, string Text)> files,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null)
    {
        var driver = CreateDriver(files, properties, fileMetadata).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics, driver.GetRunResult().Results.Single().GeneratedSources);
    }

    public static GeneratorRun Run(string yaml, string path = "/crds/test.yaml", IReadOnlyDictionary<string, string>? properties = null) =>
        Run(new[] { (path, yaml) }, properties);

    public static GeneratorDriver CreateDriver(
        IEnumerable<(string Path, string Text)> files,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null) =>
        CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), properties, fileMetadata);

    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> additionalTexts,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null)
    {
        var texts = additionalTexts.ToImmutableArray();
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Test" };
        foreach (var (key, value) in properties ?? new Dictionary<string, string>())
        {
            global["build_property." + key] = value;
        }

        var perFile = (fileMetadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value));
        return CSharpGeneratorDriver.Create(
            new[] { new CrdSourceGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(global, perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>A path the test project's build recorded (AssemblyMetadata in the csproj), such as <c>KubernetesClientAot</c>.</summary>
    public static string TestAssetPath(string key) =>
        typeof(GeneratorHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!;

    /// <summary>The CapiSdk.Client assembly the generated code builds on.</summary>
    public static string ClientLibraryPath { get; } = typeof(CapiSdk.Client.IntOrString).Assembly.Location;

    /// <summary>This runtime's own assemblies: what every compilation references.</summary>
    public static ImmutableArray<string> RuntimeAssemblyPaths { get; } = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(bool withKubernetesClient = true, string? extraSource = null, bool withClientLibrary = true) =>
        CreateCompilation(
            References.Value
                .Where(r => withKubernetesClient || !(r.Display ?? string.Empty).Contains("KubernetesClient", StringComparison.Ordinal))
                .Where(r => withClientLibrary || r.Display != ClientLibraryPath),
            extraSource);

    /// <summary>A library compilation over <paramref name="references"/>, with the options the .NET SDK gives a project (every warning, CS1591 on).</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> references, string? extraSource = null)
    {
        var trees = extraSource is null ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(extraSource, ParseOptions) };
        return CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1591"] = ReportDiagnostic.Warn,

                    // CapiSdk.Client is built against .NET 8 and bound here to this runtime's newer assemblies; the .NET SDK
                    // passes NoWarn CS1701;CS1702 to every compilation for that unification.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    private static ImmutableArray<MetadataReference> LoadReferences() =>
        RuntimeAssemblyPaths
            .Append(typeof(k8s.Kubernetes).Assembly.Location)
            .Append(ClientLibraryPath)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
}
