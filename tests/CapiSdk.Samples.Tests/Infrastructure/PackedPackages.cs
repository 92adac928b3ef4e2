using System.Globalization;

namespace CapiSdk.Samples.Tests.Infrastructure;

/// <summary>
/// Packs CapiSdk.Client, CapiSdk.Client.Aot, CapiSdk, CapiSdk.Generator, CapiSdk.Testing, CapiSdk.Runtime and CapiSdk.IpamSimulator once per test run into artifacts/packages (the local feed
/// of the repository's nuget.config), with a version no earlier run used: NuGet never re-reads a version it has
/// in its global packages folder, so re-packing 0.1.0 would test a stale copy. Removes them again afterwards.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public static readonly string[] Ids = ["CapiSdk.Client", "CapiSdk.Client.Aot", "CapiSdk", "CapiSdk.Generator", "CapiSdk.Testing", "CapiSdk.Runtime", "CapiSdk.IpamSimulator"];

    private static readonly string[] Projects = ["sdk/CapiSdk.Client", "sdk/CapiSdk.Client.Aot", "sdk/CapiSdk", "generator/CapiSdk.Generator", "sdk/CapiSdk.Testing", "sdk/CapiSdk.Runtime", "sdk/CapiSdk.IpamSimulator"];

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Repository.PackageFeed, $"{id}.{Version}.{extension}");

    /// <summary>Runs a sample as its README says, building it against the packed packages.</summary>
    public Task<(int ExitCode, string Output)> RunSampleAsync(string sample) =>
        DotNetCli.RunAsync(Repository.Root, "run", "--project", "samples/" + sample, "-p:CapiSdkPackageVersion=" + Version);

    /// <summary>The package versions a sample's last restore resolved, from its project.assets.json.</summary>
    public static string RestoredAssets(string sample) =>
        File.ReadAllText(Path.Combine(Repository.Root, "samples", sample, "obj", "project.assets.json"));

    public async Task InitializeAsync()
    {
        foreach (var project in Projects)
        {
            // Release, optimized, under a configuration name of its own: its bin/ and obj/ folders are not the ones
            // that Release or Debug builds running at the same time use (the generator's package test packs it too).
            var (exitCode, output) = await DotNetCli.RunAsync(
                Repository.Root, "pack", project, "-c", "SamplesTests", "-p:Optimize=true", "-o", Repository.PackageFeed, "-p:Version=" + Version);
            if (exitCode != 0)
            {
                throw new InvalidOperationException(output);
            }
        }
    }

    public Task DisposeAsync()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in Ids)
        {
            File.Delete(PackagePath(id));
            File.Delete(PackagePath(id, "snupkg"));
            var cached = Path.Combine(globalPackages, id.ToLowerInvariant(), Version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        return Task.CompletedTask;
    }
}
