using System.Text.RegularExpressions;
using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CapiSdk.Generator.Tests.Docs;

/// <summary>The package README's example: its CRD generates the types its C# file uses, and that file compiles.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void The_readme_snippet_compiles_against_the_code_generated_from_the_readme_crd()
    {
        var readme = File.ReadAllText(Path.Combine(ExpectedFiles.ProjectDirectory(), "..", "..", "generator", "CapiSdk.Generator", "README.md")).ReplaceLineEndings("\n");
        var crd = Block("yaml").Match(readme).Groups["code"].Value;
        var snippet = Block("csharp").Match(readme).Groups["code"].Value;

        var run = GeneratorHarness.Run(
            new[] { ("/crds/widgets.yaml", crd) },
            new Dictionary<string, string> { ["CapiSdkNamespace"] = "Acme.Crds" },
            extraSource: snippet);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.StartsWith("using ", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning);
    }

    private static Regex Block(string language) => new("^```" + language + "\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
}
