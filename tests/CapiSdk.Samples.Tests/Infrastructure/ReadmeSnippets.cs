using System.Text.RegularExpressions;

namespace CapiSdk.Samples.Tests.Infrastructure;

/// <summary>
/// The complete C# snippets of a README: <c>```csharp</c> blocks whose first line is a <c>using</c> directive (fragments,
/// which start otherwise, are illustrations and are not checked).
/// </summary>
internal static partial class ReadmeSnippets
{
    public static IReadOnlyList<string> Complete(string readme) =>
        Blocks().Matches(File.ReadAllText(readme).ReplaceLineEndings("\n"))
            .Select(m => m.Groups["code"].Value)
            .Where(code => code.StartsWith("using ", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex("^```csharp\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Blocks();
}
