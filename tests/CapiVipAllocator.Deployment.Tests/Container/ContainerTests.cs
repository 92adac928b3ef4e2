using System.Diagnostics;
using System.Net;
using CapiVipAllocator.Deployment.Tests.Bundle;
using CapiVipAllocator.Deployment.Tests.Harness;
using Docker.DotNet;
using Docker.DotNet.Models;
using Xunit.Abstractions;

namespace CapiVipAllocator.Deployment.Tests.Container;

/// <summary>
/// The controller image on a real Docker engine, run as the Deployment runs it (its args, host network, read-only
/// root filesystem, no capabilities, the image's user), against CapiSdk.Testing with the IPAM simulator.
/// Skipped, naming what is missing, only when no engine answers.
/// </summary>
[Collection(ImageCollection.Name)]
public sealed class ContainerTests(ImageFixture image, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Image_runs_as_non_root_on_a_read_only_root_filesystem_without_a_shell_and_answers_its_probes()
    {
        var docker = image.Require();
        await using var world = await World.StartAsync();
        await using var replica = await ContainerReplica.StartAsync(docker, ImageFixture.Image, world, "solo", await Scenario.DeploymentArgsAsync());
        var inspect = await replica.InspectAsync();
        Report(replica);

        Assert.Equal("1654:1654", inspect.Config.User);
        Assert.True(inspect.HostConfig.ReadonlyRootfs);
        var status = await File.ReadAllLinesAsync($"/proc/{inspect.State.Pid}/status");
        Assert.Equal(["1654", "1654", "1654", "1654"], status.Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1..]);
        var mounts = await File.ReadAllLinesAsync($"/proc/{inspect.State.Pid}/mountinfo");
        var root = mounts.Single(l => l.Split(' ')[4] == "/");
        Assert.Contains("ro", root.Split(' ')[5].Split(','));
        var tmp = mounts.Single(l => l.Split(' ')[4] == "/tmp");
        Assert.Equal("tmpfs", tmp.Split(" - ")[1].Split(' ')[0]);
        Assert.Contains("rw", tmp.Split(' ')[5].Split(','));
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(() =>
            docker.Containers.GetArchiveFromContainerAsync(replica.Id, new GetArchiveFromContainerParameters { Path = "/bin/sh" }, statOnly: true, Support.TestContext.Token));
        Assert.Equal((HttpStatusCode.OK, "ok\n"), await Endpoints.GetAsync(replica.Probes, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, (await Endpoints.GetAsync(replica.Probes, "/readyz")).Status);
        Assert.Contains("# TYPE capi_vip_allocator_", (await Endpoints.GetAsync(replica.Metrics, "/metrics")).Body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Two_containers_allocate_and_release_VIPs_elect_one_leader_and_hand_over_on_SIGTERM()
    {
        var docker = image.Require();
        var args = await Scenario.DeploymentArgsAsync();
        var alertMetrics = await AlertTests.MetricNamesAsync();
        await using var world = await World.StartAsync(Scenario.TenantA, Scenario.TenantB);

        await Scenario.RunAsync(
            world,
            async token => await ContainerReplica.StartAsync(docker, ImageFixture.Image, world, token, args),
            async leader =>
            {
                var metrics = (await Endpoints.GetAsync(leader.Metrics, "/metrics")).Body;
                Assert.All(alertMetrics, name => Assert.Contains($"\n{name}", "\n" + metrics, StringComparison.Ordinal));
            });
    }

    [SkippableFact]
    public async Task SIGTERM_stops_the_leading_container_within_the_grace_period_and_releases_its_Lease()
    {
        var docker = image.Require();
        await using var world = await World.StartAsync();
        await using var replica = await ContainerReplica.StartAsync(docker, ImageFixture.Image, world, "leader", await Scenario.DeploymentArgsAsync());
        await Wait.UntilAsync("the container to lead", () => Endpoints.IsLeadingAsync(replica));
        Assert.NotNull(await world.LeaseHolderAsync());

        var stopwatch = Stopwatch.StartNew();
        var (exitCode, inTime) = await replica.StopAsync(Scenario.Grace);
        output.WriteLine($"SIGTERM to exit: {stopwatch.Elapsed.TotalSeconds:0.00} s (grace period {Scenario.Grace.TotalSeconds:0} s)");

        Assert.True(inTime, $"not stopped within {Scenario.Grace.TotalSeconds} s of SIGTERM\n{await replica.LogsAsync()}");
        Assert.Equal(0, exitCode);
        Assert.Null(await world.LeaseHolderAsync());
    }

    private void Report(ContainerReplica replica)
    {
        output.WriteLine($"image {ImageFixture.Image}: {image.ImageSize / 1e6:0.0} MB (base {image.Base!.Files.Sum(f => f.Bytes) / 1e6:0.0} MB: {string.Join(", ", image.Base.Files.Select(f => Path.GetFileName(f.Path)))})");
        output.WriteLine($"self-contained publish {image.PublishTime.TotalSeconds:0} s, base import + docker build {image.BuildTime.TotalSeconds:0} s");
        output.WriteLine($"container start to /readyz 200: {replica.StartToReady.TotalMilliseconds:0} ms");
    }
}
