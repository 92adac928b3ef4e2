using System.Text.RegularExpressions;

namespace CapiSdk.Tests.Kinds;

/// <summary>A valid replacement for a generated value the server refused, read from the server's message.</summary>
internal static partial class SampleRepair
{
    /// <summary>Values that satisfy the patterns Cluster API uses (names, API versions, reasons, ranges, quantities, …).</summary>
    private static readonly string[] Candidates =
    [
        "Sample", "sample", "sample-1", "example.com/v1", "v1", "[1-3]", "Linux", "10.0.0.1", "1", "a", "A", "1Gi", "10%",
        "https://example.com", "/var/lib/sample", "sample.example.com", "Sample_1", "00000000-0000-0000-0000-000000000001",
    ];

    public static string? Replacement(string message)
    {
        if (SupportedValues().Match(message) is { Success: true } supported)
        {
            return supported.Groups[1].Value;
        }

        if (ShouldMatch().Match(message) is { Success: true } pattern)
        {
            var regex = new Regex(pattern.Groups[1].Value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return Candidates.FirstOrDefault(regex.IsMatch);
        }

        return null;
    }

    [GeneratedRegex("supported values: \"([^\"]*)\"")]
    private static partial Regex SupportedValues();

    [GeneratedRegex("should match '(.*)'$")]
    private static partial Regex ShouldMatch();
}
