using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>The controller (its JIT build, from this test's output folder) as a child process.</summary>
internal sealed partial class ProcessReplica : IReplica
{
    private const int Sigterm = 15;
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ProcessReplica(Process process, string token, Uri probes, Uri metrics)
    {
        _process = process;
        Token = token;
        Probes = probes;
        Metrics = metrics;
    }

    public string Token { get; }

    public Uri Probes { get; }

    public Uri Metrics { get; }

    /// <summary>Starts `capi-vip-allocator` with <paramref name="args"/>, its kubeconfig and its own probe and metrics ports.</summary>
    public static ProcessReplica Start(World world, string token, IEnumerable<string> args)
    {
        var probes = FreePort.Next();
        var metrics = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "capi-vip-allocator.dll"));
        foreach (var arg in ControllerArgs.For(args, world.Kubeconfig(token), probes, metrics))
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start };
        var replica = new ProcessReplica(process, token, new Uri($"http://127.0.0.1:{probes}/"), new Uri($"http://127.0.0.1:{metrics}/"));
        process.OutputDataReceived += (_, e) => replica.Append(e.Data);
        process.ErrorDataReceived += (_, e) => replica.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }

    public async Task<(long ExitCode, bool ExitedInTime)> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            Assert.Equal(0, Kill(_process.Id, Sigterm));
        }
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return (_process.ExitCode, true);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            return (_process.ExitCode, false);
        }
    }

    public Task<string> LogsAsync()
    {
        lock (_log)
        {
            return Task.FromResult(_log.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
