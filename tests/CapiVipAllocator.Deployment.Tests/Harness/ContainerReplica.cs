using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>The controller image run as a container the way the Deployment runs it: host network, read-only root
/// filesystem with a tmpfs at /tmp, no capabilities, no privilege escalation, the image's own (non-root) user,
/// kubeconfig mounted read-only.</summary>
internal sealed class ContainerReplica : IReplica
{
    public const string KubeconfigPath = "/etc/capi-vip-allocator/kubeconfig";
    private readonly DockerClient _docker;

    private ContainerReplica(DockerClient docker, string id, string token, Uri probes, Uri metrics, TimeSpan startToReady)
    {
        _docker = docker;
        Id = id;
        Token = token;
        Probes = probes;
        Metrics = metrics;
        StartToReady = startToReady;
    }

    public string Id { get; }

    public string Token { get; }

    public Uri Probes { get; }

    public Uri Metrics { get; }

    /// <summary>From the start request to the first /readyz 200 (a measurement, printed, never asserted).</summary>
    public TimeSpan StartToReady { get; }

    /// <summary>Creates and starts the container, and returns once /readyz answers 200.</summary>
    public static async Task<ContainerReplica> StartAsync(DockerClient docker, string image, World world, string token, IEnumerable<string> args)
    {
        var probes = FreePort.Next();
        var metrics = FreePort.Next();
        var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"capi-vip-allocator-test-{token}-{Guid.NewGuid():N}"[..60],
            Image = image,
            Cmd = [.. ControllerArgs.For(args, KubeconfigPath, probes, metrics)],
            Labels = new Dictionary<string, string> { ["capisdk.test"] = "capi-vip-allocator" },
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                ReadonlyRootfs = true,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                Binds = [$"{world.Kubeconfig(token)}:{KubeconfigPath}:ro"],
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = "rw,noexec,nosuid,size=64m" }, // the Deployment's emptyDir at /tmp
            },
        }, Support.TestContext.Token);
        var stopwatch = Stopwatch.StartNew();
        await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), Support.TestContext.Token);
        var replica = new ContainerReplica(docker, created.ID, token, new Uri($"http://127.0.0.1:{probes}/"), new Uri($"http://127.0.0.1:{metrics}/"), TimeSpan.Zero);
        try
        {
            await Wait.UntilAsync($"container {token} to answer /readyz with 200", () => Endpoints.IsReadyAsync(replica));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{await replica.LogsAsync()}", e);
        }
        return new ContainerReplica(docker, created.ID, token, replica.Probes, replica.Metrics, stopwatch.Elapsed);
    }

    public Task<ContainerInspectResponse> InspectAsync() => _docker.Containers.InspectContainerAsync(Id, Support.TestContext.Token);

    public async Task<(long ExitCode, bool ExitedInTime)> StopAsync(TimeSpan grace)
    {
        var stopwatch = Stopwatch.StartNew();
        await _docker.Containers.StopContainerAsync(Id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)grace.TotalSeconds }, Support.TestContext.Token);
        var state = (await InspectAsync()).State;
        return (state.ExitCode, stopwatch.Elapsed < grace && state.ExitCode != 137);
    }

    public async Task<string> LogsAsync()
    {
        using var stream = await _docker.Containers.GetContainerLogsAsync(Id, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, Support.TestContext.Token);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(Support.TestContext.Token);
        return stdout + stderr;
    }

    public async ValueTask DisposeAsync() =>
        await _docker.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
}
