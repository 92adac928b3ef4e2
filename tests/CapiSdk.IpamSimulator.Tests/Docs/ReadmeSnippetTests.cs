using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapiSdk.IpamSimulator.Tests.Docs;

/// <summary>
/// Every complete C# snippet (a <c>```csharp</c> block that starts with its <c>using</c> lines) in the package READMEs
/// compiles, with no warning, as the <c>Program.cs</c> of a console project with the default implicit usings and
/// nullable on, against the built CapiSdk, CapiSdk.Testing, CapiSdk.Runtime and CapiSdk.IpamSimulator (this test
/// project references all four). The CapiSdk README's program is also run from the packed packages
/// (CapiSdk.Samples.Tests' FirstHourTests).
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static TheoryData<string> Readmes => new("sdk/CapiSdk/README.md", "sdk/CapiSdk.Testing/README.md", "sdk/CapiSdk.Runtime/README.md", "sdk/CapiSdk.IpamSimulator/README.md");

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Every_complete_snippet_of_the_readme_compiles_without_warnings(string readme)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), readme)).ReplaceLineEndings("\n");
        var snippets = Blocks().Matches(text).Select(m => m.Groups["code"].Value).Where(c => c.StartsWith("using ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(snippets);
        foreach (var snippet in snippets)
        {
            var compilation = CSharpCompilation.Create(
                "Snippet",
                [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(snippet, path: "Program.cs")],
                References.Value,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            var problems = compilation.GetDiagnostics()
                .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && d.Id != "CS1701" && d.Id != "CS1702")
                .Select(d => d.ToString())
                .ToList();

            Assert.True(problems.Count == 0, readme + ":\n" + string.Join("\n", problems) + "\n\n" + snippet);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CapiSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CapiSdk.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^```csharp\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Blocks();
}
