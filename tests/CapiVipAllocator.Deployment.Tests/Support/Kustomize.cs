using System.Diagnostics;

namespace CapiVipAllocator.Deployment.Tests.Support;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c>, as a user would before applying it.</summary>
internal static class Kustomize
{
    public static async Task<string> RenderAsync(string directory, CancellationToken ct)
    {
        var kubectl = Tools.Find("kubectl");
        Skip.If(kubectl is null, "kubectl is not on PATH: the kustomize bundle tests need `kubectl kustomize`.");
        var start = new ProcessStartInfo(kubectl!, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {await stderr}");
        return await stdout;
    }
}
