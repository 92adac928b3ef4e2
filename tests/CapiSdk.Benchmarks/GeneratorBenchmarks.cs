using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CapiSdk.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CapiSdk.Benchmarks;

/// <summary>
/// The generator over the whole upstream corpus (29 CRD files, about 44,000 lines) or the SDK's own crds/: cold (a
/// new driver, nothing cached), a no-op incremental step (an unrelated .cs edit after a first run), and an edit to
/// one YAML file (a description changed) in a warm driver.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks : GeneratorBenchmarkBase
{
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _yamlWarm = null!;
    private AdditionalText _yaml = null!;
    private AdditionalText _yamlEdited = null!;
    private bool _flip;
    private bool _yamlFlip;

    /// <summary>Which CRD set: <c>upstream</c> or <c>sdk</c>.</summary>
    [Params(Corpus.Upstream, Corpus.Sdk)]
    public string CorpusName { get; set; } = Corpus.Upstream;

    [GlobalSetup]
    public void Setup()
    {
        Prepare(CorpusName);
        _warm = NewDriver().RunGenerators(Compilation);
        _yamlWarm = NewDriver().RunGenerators(Compilation);
        _yaml = Files[0];
        _yamlEdited = new Text(_yaml.Path, _yaml.GetText()!.ToString().Replace("description: ", "description: Edited. "));
        var sources = _warm.GetRunResult().GeneratedTrees;
        Console.WriteLine($"// corpus: {Files.Length} files, {Files.Sum(f => f.GetText()!.Lines.Count)} lines -> {sources.Length} sources, {sources.Sum(t => t.Length) / 1024} KiB of C#");
    }

    [Benchmark(Description = "Whole corpus, new driver")]
    public GeneratorDriver CorpusCold() => NewDriver().RunGenerators(Compilation);

    [Benchmark(Description = "No-op incremental step (unrelated .cs edit)")]
    public GeneratorDriver NoOpIncremental()
    {
        _flip = !_flip;
        _warm = _warm.RunGenerators(_flip ? Edited : Compilation);
        return _warm;
    }

    [Benchmark(Description = "One YAML file edited (a description)")]
    public GeneratorDriver OneYamlEdited()
    {
        _yamlFlip = !_yamlFlip;
        _yamlWarm = _yamlFlip ? _yamlWarm.ReplaceAdditionalText(_yaml, _yamlEdited) : _yamlWarm.ReplaceAdditionalText(_yamlEdited, _yaml);
        _yamlWarm = _yamlWarm.RunGenerators(Compilation);
        return _yamlWarm;
    }
}

/// <summary>
/// The first run in a fresh process, JIT included: what a build pays when the compiler server has just
/// loaded the generator.
/// </summary>
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1)]
public class GeneratorFirstRunBenchmarks : GeneratorBenchmarkBase
{
    [GlobalSetup]
    public void Setup() => Prepare();

    [Benchmark(Description = "Whole corpus, first run in a new process")]
    public GeneratorDriver CorpusFirstRun() => NewDriver().RunGenerators(Compilation);
}

/// <summary>Corpus, compilation and driver set-up shared by the generator benchmarks.</summary>
public abstract class GeneratorBenchmarkBase
{
    protected ImmutableArray<AdditionalText> Files { get; private set; }

    protected CSharpCompilation Compilation { get; private set; } = null!;

    protected CSharpCompilation Edited { get; private set; } = null!;

    protected void Prepare(string corpus = Corpus.Upstream)
    {
        Files = Corpus.Load(corpus).Select(f => (AdditionalText)new Text(f.Path, f.Content)).ToImmutableArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(k8s.Kubernetes).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        var user = CSharpSyntaxTree.ParseText("class UserCode { int A; }");
        Compilation = CSharpCompilation.Create("Bench", new[] { user }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Edited = Compilation.ReplaceSyntaxTree(user, CSharpSyntaxTree.ParseText("class UserCode { int B; }"));
    }

    protected GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        new[] { new CrdSourceGenerator().AsSourceGenerator() },
        Files,
        new CSharpParseOptions(LanguageVersion.Latest),
        new Options());

    protected sealed class Text(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Bench" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
