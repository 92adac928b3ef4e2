using System.Diagnostics;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>Runs the real kubectl against a server, with its own discovery cache.</summary>
internal sealed class Kubectl(KubeApiServer server) : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("capisdk-kubectl-").FullName;

    public static string? Path { get; } = Find();

    public async Task<(int ExitCode, string Out, string Err)> RunAsync(string args, string? stdin = null)
    {
        using var p = Start(args);
        if (stdin is not null)
        {
            await p.StandardInput.WriteAsync(stdin);
        }
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync(TestContext.Token);
        var stderr = p.StandardError.ReadToEndAsync(TestContext.Token);
        await p.WaitForExitAsync(TestContext.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    public Process Start(string args)
    {
        var psi = new ProcessStartInfo(Path ?? "kubectl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--kubeconfig", server.KubeconfigPath, "--cache-dir", _cache, "--request-timeout=60s" }.Concat(Split(args)))
        {
            psi.ArgumentList.Add(a);
        }
        return Process.Start(psi)!;
    }

    /// <summary>Splits like a shell: spaces separate arguments, single quotes keep text (spaces, double quotes) together.</summary>
    private static List<string> Split(string args)
    {
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in args)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    result.Add(current.ToString());
                }
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (any)
        {
            result.Add(current.ToString());
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(dir, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
