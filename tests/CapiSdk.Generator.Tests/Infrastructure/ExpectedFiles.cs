namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>
/// Expected generated sources, kept as files next to the tests. Run the tests with
/// <c>CAPISDK_ACCEPT=1</c> to rewrite them from the current output, then review the diff.
/// </summary>
internal static class ExpectedFiles
{
    /// <summary>The repository root: the folder holding CapiSdk.sln above the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>This test project's source folder (not [CallerFilePath]: CI builds map source paths to /_/).</summary>
    public static string ProjectDirectory() => Path.Combine(RepositoryRoot, "tests", "CapiSdk.Generator.Tests");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CapiSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("CapiSdk.sln was not found above " + AppContext.BaseDirectory);
    }

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
