namespace CapiSdk.Samples.Tests.Infrastructure;

/// <summary>The repository the tests run in, found by walking up from the test binaries to CapiSdk.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PackageFeed => Path.Combine(Root, "artifacts", "packages");

    private static string FindRoot()
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
}
