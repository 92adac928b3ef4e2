using System.Runtime.CompilerServices;

namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>
/// Expected generated sources, kept as files next to the tests. Run the tests with
/// <c>CAPISDK_ACCEPT=1</c> to rewrite them from the current output, then review the diff.
/// </summary>
internal static class ExpectedFiles
{
    public static string ProjectDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;

    public static void AssertMatches(string relativePath, string actual)
    {
        var file = Path.Combine(ProjectDirectory(), relativePath);
        if (Environment.GetEnvironmentVariable("CAPISDK_ACCEPT") == "1")
        {
            File.WriteAllText(file, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(file), "No expected file " + relativePath + "; run the tests once with CAPISDK_ACCEPT=1 and review it.");
        Xunit.Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
