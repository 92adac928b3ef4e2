namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>The CRDs the SDK's own models come from: <c>crds/</c> at the repository root.</summary>
internal static class SdkCrds
{
    public static IReadOnlyList<string> Files()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CapiSdk.sln")))
            {
                return Directory.GetFiles(Path.Combine(directory.FullName, "crds"), "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            }
        }

        throw new InvalidOperationException("No CapiSdk.sln above " + AppContext.BaseDirectory + ": the SDK's crds/ cannot be found.");
    }
}
