using System.Diagnostics;
using CapiVipAllocator.Deployment.Tests.Support;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>
/// Builds the controller image once for the container tests: publishes the controller self-contained on this machine,
/// imports a base image made of what the binary needs from this machine's files (no registry is reachable), and
/// builds controller/Dockerfile's <c>prebuilt</c> target on it through the Docker Engine API.
/// </summary>
public sealed class ImageFixture : IAsyncLifetime
{
    public const string Image = "capi-vip-allocator:deployment-test";
    private Exception? _failure;

    internal DockerClient? Docker { get; private set; }

    internal string? SkipReason { get; private set; }

    internal long ImageSize { get; private set; }

    internal TimeSpan PublishTime { get; private set; }

    internal TimeSpan BuildTime { get; private set; }

    internal BaseImage.Contents? Base { get; private set; }

    public async Task InitializeAsync()
    {
        var endpoint = new Uri(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock");
        Docker = new DockerClientConfiguration(endpoint).CreateClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await Docker.System.PingAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            SkipReason = $"no Docker engine answers at {endpoint} ({e.GetType().Name}: {e.Message}); .ci/run installs docker.io and starts dockerd";
            return;
        }
        try
        {
            var stopwatch = Stopwatch.StartNew();
            using var publishBound = new CancellationTokenSource(TimeSpan.FromMinutes(40)); // a publish on 2 busy cores: bounds a hang only
            var binary = await SelfContainedPublish.RunAsync(publishBound.Token);
            PublishTime = stopwatch.Elapsed;
            stopwatch.Restart();
            Base = await BaseImage.ImportAsync(Docker, binary, TestContext.Token);
            await BuildAsync(Docker, binary, Base.Image, TestContext.Token);
            BuildTime = stopwatch.Elapsed;
            ImageSize = (await Docker.Images.InspectImageAsync(Image, TestContext.Token)).Size;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failure = e;
        }
    }

    /// <summary>Skips the calling test when no engine answers; fails it when the image could not be built.</summary>
    internal DockerClient Require()
    {
        Skip.If(SkipReason is not null, SkipReason);
        if (_failure is not null)
        {
            throw new InvalidOperationException($"building the controller image failed: {_failure.Message}", _failure);
        }
        return Docker!;
    }

    public Task DisposeAsync()
    {
        Docker?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task BuildAsync(DockerClient docker, string binary, string baseImage, CancellationToken ct)
    {
        using var context = new MemoryStream();
        await using (var tar = new System.Formats.Tar.TarWriter(context, leaveOpen: true))
        {
            await tar.WriteEntryAsync(Repo.Dockerfile, "Dockerfile", ct);
            var publish = Path.GetDirectoryName(binary)!;
            foreach (var file in Directory.GetFiles(publish, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal) && !f.EndsWith(".dbg", StringComparison.Ordinal)))
            {
                await tar.WriteEntryAsync(file, "publish/" + Path.GetRelativePath(publish, file), ct);
            }
        }
        context.Position = 0;
        var errors = new List<string>();
        var output = new List<string>();
        await docker.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters
            {
                Dockerfile = "Dockerfile",
                Target = "prebuilt",
                Tags = [Image],
                BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage, ["PUBLISH_DIR"] = "publish" },
                Remove = true,
                ForceRemove = true,
            },
            context, null, null,
            new SyncProgress<JSONMessage>(m =>
            {
                lock (output)
                {
                    output.Add(m.Stream ?? m.Status ?? "");
                    if (!string.IsNullOrEmpty(m.ErrorMessage))
                    {
                        errors.Add(m.ErrorMessage);
                    }
                }
            }),
            ct);
        lock (output)
        {
            Assert.True(errors.Count == 0, $"docker build of controller/Dockerfile (target prebuilt) failed: {string.Join("; ", errors)}\n{string.Concat(output)}");
        }
    }
}
