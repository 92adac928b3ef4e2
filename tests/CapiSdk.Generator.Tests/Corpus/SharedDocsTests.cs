using System.Collections.Immutable;
using System.Xml.Linq;
using CapiSdk.Generator.Emitting;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Parsing;
using CapiSdk.Generator.Pipeline;
using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CapiSdk.Generator.Tests.Corpus;

/// <summary>
/// Descriptions written once (docs/naming.md) over the upstream corpus: every <c>inheritdoc cref</c> resolves, names a
/// member that carries its own text, and that text is exactly what the inheriting member says when nothing is shared
/// (the same pipeline without <see cref="SharedDocs"/>).
/// </summary>
public sealed class SharedDocsTests
{
    private static readonly CSharpParseOptions Diagnose = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    [SkippableFact]
    public void The_corpus_compiles_with_documentation_diagnostics_on_and_no_warning()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        var compilation = Compile(CorpusBuild.Run.Sources.Select(s => s.SourceText.ToString()));

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [SkippableFact]
    public void Every_inherited_doc_points_at_a_member_that_writes_the_text_the_inheriting_member_had_before_sharing()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);
        var shared = Compile(CorpusBuild.Run.Sources.Select(s => s.SourceText.ToString()));
        var unshared = Compile(Unshared());

        var inheriting = Members(shared.Assembly.GlobalNamespace).Where(m => Doc(m).Element("inheritdoc")?.Attribute("cref") is not null).ToList();
        var wrong = new List<string>();
        foreach (var member in inheriting)
        {
            var cref = Doc(member).Element("inheritdoc")!.Attribute("cref")!.Value;
            var target = DocumentationCommentId.GetFirstSymbolForDeclarationId(cref, shared);
            var before = DocumentationCommentId.GetFirstSymbolForDeclarationId(member.GetDocumentationCommentId()!, unshared);
            if (target is null || before is null || Doc(target).Element("inheritdoc") is not null || Text(target) != Text(before))
            {
                wrong.Add(member.GetDocumentationCommentId() + " -> " + cref + ": " + (target is null ? "unresolved" : Text(target)) + " / " + (before is null ? "absent before" : Text(before)));
            }
        }

        Assert.InRange(inheriting.Count, 1000, int.MaxValue);
        Assert.Empty(wrong);
    }

    [SkippableFact]
    public void The_baseline_is_the_generators_pipeline_without_sharing()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        var (merged, duplicates) = Merged();
        var generated = CorpusBuild.Run.Sources.Where(s => !s.HintName.Contains("CrdJsonContext", StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var reproduced = Emittable(SharedDocs.Apply(merged, duplicates), duplicates).ToDictionary(ResourceEmitter.HintName, ResourceEmitter.Emit, StringComparer.Ordinal);

        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), reproduced.Keys.Order(StringComparer.Ordinal));
        Assert.All(generated, g => Assert.Equal(g.Value, reproduced[g.Key]));
    }

    [SkippableFact]
    public void The_same_files_listed_in_another_order_give_the_same_sources_and_crefs()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        var reversed = GeneratorHarness.Run(UpstreamCorpus.Load().Reverse().ToList());

        Assert.Equal(Sources(CorpusBuild.Run), Sources(reversed));
        Assert.Contains("/// <inheritdoc cref=\"global::", string.Concat(Sources(reversed).Select(s => s.Text)), StringComparison.Ordinal);
    }

    private static List<(string HintName, string Text)> Sources(GeneratorRun run) =>
        run.Sources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    private static CSharpCompilation Compile(IEnumerable<string> sources) =>
        GeneratorHarness.CreateCompilation().AddSyntaxTrees(sources.Select(s => CSharpSyntaxTree.ParseText(s, Diagnose)));

    /// <summary>The corpus's resources as the generator parses and merges them, before <see cref="SharedDocs"/>.</summary>
    private static (NamedResources Merged, EquatableArray<Duplicate> Duplicates) Merged()
    {
        var options = new GeneratorOptions("Test", VersionSelection.Served, "Test", EquatableArray<TypeNameMapping>.Empty, EquatableArray<string>.Empty);
        var drafts = UpstreamCorpus.Load().SelectMany(f => CrdFileParser.Parse(f.Path, f.Text, options, KubernetesTypeCatalog.Empty, CancellationToken.None).Resources).ToImmutableArray();
        var duplicates = DuplicateFinder.Find(drafts.Select(r => new ResourceKey(r.Key, r.FilePath)).ToImmutableArray());
        return (ShapeMerger.Merge(drafts, duplicates), duplicates);
    }

    private static IEnumerable<ResourceModel> Emittable(NamedResources named, EquatableArray<Duplicate> duplicates) =>
        named.Resources.Where(r => !duplicates.Any(d => d.Key == r.Key && d.FilePath == r.FilePath));

    private static IEnumerable<string> Unshared()
    {
        var (merged, duplicates) = Merged();
        return Emittable(merged, duplicates).Select(ResourceEmitter.Emit);
    }

    private static IEnumerable<ISymbol> Members(INamespaceOrTypeSymbol container) =>
        container.GetMembers().SelectMany(m => m is INamespaceOrTypeSymbol inner ? (m is INamespaceSymbol ? Members(inner) : Members(inner).Prepend(m)) : new[] { m });

    private static XElement Doc(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        return string.IsNullOrEmpty(xml) ? new XElement("member") : XElement.Parse(xml);
    }

    /// <summary>What a member's doc comment says, whatever it is attached to.</summary>
    private static string Text(ISymbol symbol) => string.Concat(Doc(symbol).Nodes().Select(n => n.ToString()));
}
