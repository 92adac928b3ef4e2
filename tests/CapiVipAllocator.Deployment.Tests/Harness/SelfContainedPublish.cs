using System.Diagnostics;
using CapiVipAllocator.Deployment.Tests.Support;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>
/// `dotnet publish` of the controller, self-contained for linux-x64 (controller/publish.props), into artifacts/deployment-tests (its own artifacts
/// path, so it never shares obj/ with the solution's build; a second run with unchanged sources is quick).
/// </summary>
internal static class SelfContainedPublish
{
    public static string Directory => Path.Combine(Repo.Root, "artifacts", "deployment-tests");

    /// <summary>Publishes and returns the path of the native binary.</summary>
    public static async Task<string> RunAsync(CancellationToken ct)
    {
        var output = Path.Combine(Directory, "publish");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        foreach (var arg in new[]
        {
            "publish", Repo.ControllerProject, "-c", "Release", "-r", "linux-x64",
            $"-p:CustomBeforeMicrosoftCommonProps={Path.Combine(Repo.Root, "controller", "publish.props")}",
            "--artifacts-path", Path.Combine(Directory, "build"), "-o", output, "-nologo",
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var log = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet publish (self-contained) of the controller failed:\n{log}");
        var binary = Path.Combine(output, "capi-vip-allocator");
        Assert.True(File.Exists(binary), $"dotnet publish wrote no {binary}:\n{log}");
        return binary;
    }
}
