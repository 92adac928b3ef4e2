using System.Reflection;
using System.Text.RegularExpressions;
using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CapiSdk.Generator.Tests.Diagnostics;

/// <summary>
/// Every diagnostic the generator can report is one a user can look up: a unique ID, a section in docs/diagnostics.md
/// with the fix and a row in its table with the same severity, and a row in the analyzer release files (what
/// <c>dotnet_diagnostic.ID.severity</c> and release notes go by). Driven by the descriptors, so a new one is checked too.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string Generator = Path.Combine(ExpectedFiles.RepositoryRoot, "generator", "CapiSdk.Generator");

    private static readonly string Docs = File.ReadAllText(Path.Combine(ExpectedFiles.RepositoryRoot, "docs", "diagnostics.md"));

    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = typeof(CrdSourceGenerator).Assembly
        .GetType("CapiSdk.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    public static TheoryData<string> Ids => new(Descriptors.Select(d => d.Id));

    [Fact]
    public void Diagnostic_ids_are_unique_and_follow_the_CAPISDK_pattern()
    {
        Assert.NotEmpty(Descriptors);
        Assert.All(Descriptors, d => Assert.Matches("^CAPISDK[0-9]{3}$", d.Id));
        Assert.Empty(Descriptors.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_documented_fix_and_its_severity_in_the_docs_table(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);

        var section = Regex.Match(Docs, $@"^## {id}\s*$(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, $"docs/diagnostics.md has no '## {id}' section");
        Assert.Contains("Fix", section.Groups["body"].Value, StringComparison.Ordinal);
        Assert.Matches(new Regex($@"^\| {id} \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline), Docs);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_is_listed_in_the_analyzer_releases_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var rows = ReleaseRows().Where(r => r.Id == id).ToList();

        // A rule changed after it shipped has a row in each file: the unshipped one (read last) is current.
        Assert.NotEmpty(rows);
        var row = rows[^1];
        Assert.Equal((descriptor.Category, descriptor.DefaultSeverity.ToString()), (row.Category, row.Severity));
    }

    [Fact]
    public void The_docs_and_the_releases_name_no_diagnostic_the_generator_does_not_have()
    {
        var known = Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(DocumentedIds().Matches(Docs).Select(m => m.Groups["id"].Value), id => Assert.Contains(id, known));
        Assert.All(ReleaseRows().Select(r => r.Id), id => Assert.Contains(id, known));
    }

    /// <summary>The rule rows of AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md (<c>ID | Category | Severity | Notes</c>).</summary>
    private static IEnumerable<(string Id, string Category, string Severity)> ReleaseRows() =>
        new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadLines(Path.Combine(Generator, f)))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 3 && cells[0].StartsWith("CAPISDK", StringComparison.Ordinal))
            .Select(cells => (cells[0], cells[1], cells[2]));

    [GeneratedRegex(@"^(\| |## )(?<id>CAPISDK[0-9]{3})\b", RegexOptions.Multiline)]
    private static partial Regex DocumentedIds();
}
