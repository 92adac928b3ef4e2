using CapiSdk.Samples.Tests.Infrastructure;

namespace CapiSdk.Samples.Tests;

/// <summary>
/// What a new user does in the first hour, from the packed packages only, in a project outside the repository: the
/// CapiSdk README's program (create from YAML, print as YAML, read back, patch, set a condition, reconcile with the
/// runtime, against CapiSdk.Testing), built and run as the README shows it.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class FirstHourTests(PackedPackages packages)
{
    [Fact]
    public async Task The_CapiSdk_readme_program_runs_from_the_packed_packages_in_a_fresh_project()
    {
        var program = Assert.Single(ReadmeSnippets.Complete(Path.Combine(Repository.Root, "sdk", "CapiSdk", "README.md")));
        using var project = new ThrowawayProject(program, packages.Version, "CapiSdk", "CapiSdk.Testing", "CapiSdk.Runtime");

        var (exitCode, output) = await project.RunAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("kind: Cluster", output, StringComparison.Ordinal);
        Assert.Contains("  - name: zone\n      value: \"2\"", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Read back Cluster default/prod: replicas=3 zone=2", output, StringComparison.Ordinal);
        Assert.Contains("Reconciled Cluster default/prod: paused=True ready=True", output, StringComparison.Ordinal);
        var assets = project.RestoredAssets();
        Assert.Contains($"\"CapiSdk.Runtime/{packages.Version}\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
    }
}
