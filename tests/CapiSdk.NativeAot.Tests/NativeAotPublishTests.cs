using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CapiSdk.Samples.Tests.Infrastructure;
using CapiSdk.Testing;

namespace CapiSdk.NativeAot.Tests;

/// <summary>
/// A project with CapiSdk.Generator, CapiSdk.Client.Aot, KubernetesClient.Aot and a CRD of its own (App/), built from
/// the packed packages outside the repository, publishes with <c>PublishAot=true</c> with no trim or AOT warning,
/// and the native binary creates, updates and lists objects on a CapiSdk.Testing server through the generated client.
/// </summary>
public sealed partial class NativeAotPublishTests
{
    private static readonly string[] PackedIds = ["CapiSdk.Client.Aot", "CapiSdk.Generator"];

    // Bounds a hang only: the app's native binary does three requests.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task A_generated_client_on_CapiSdk_Client_Aot_publishes_natively_with_no_warning_and_talks_to_the_server()
    {
        Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "The native toolchain this test drives (clang, the linux ILCompiler package) is Linux's.");
        Skip.If(FindOnPath("clang") is null, "NativeAOT links with clang, which is not on PATH (apt-get install clang).");
        var work = Directory.CreateTempSubdirectory("capisdk-nativeaot-");
        var version = "0.1.0-aot." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var rid = RuntimeInformation.RuntimeIdentifier;
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var app = Path.Combine(work.FullName, "app");
            foreach (var project in new[] { "sdk/CapiSdk.Client.Aot", "generator/CapiSdk.Generator" })
            {
                // A configuration name of its own: bin/ and obj/ are not those of builds running at the same time.
                var pack = await DotNetCli.RunAsync(Repository.Root, "pack", project, "-c", "NativeAotTests", "-p:Optimize=true", "-o", feed, "-p:Version=" + version);
                Assert.True(pack.ExitCode == 0, pack.Output);
            }

            CopyApp(app, feed);
            var restore = await DotNetCli.RunAsync(app, "restore", "-r", rid, "-p:CapiSdkPackageVersion=" + version);
            Skip.If(
                restore.ExitCode != 0 && restore.Output.Contains("Microsoft.DotNet.ILCompiler", StringComparison.OrdinalIgnoreCase),
                $"The NativeAOT compiler packages (Microsoft.DotNet.ILCompiler and runtime.{rid}.Microsoft.DotNet.ILCompiler, in the version this SDK picks) cannot be restored:\n{restore.Output}");
            Assert.True(restore.ExitCode == 0, restore.Output);

            var publish = await DotNetCli.RunAsync(app, "publish", "-c", "Release", "-r", rid, "--no-restore", "-o", "out", "-p:CapiSdkPackageVersion=" + version);

            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.Empty(Warnings().Matches(publish.Output).Select(m => m.Value).Distinct());
            var native = Path.Combine(app, "out", "NativeApp");
            Assert.True(File.Exists(native), "no native binary at " + native + "\n" + publish.Output);
            Assert.False(File.Exists(Path.Combine(app, "out", "NativeApp.dll")), "the publish output holds IL (NativeApp.dll), not only a native binary");

            await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdFiles = { Path.Combine(app, "crds", "gadgets.yaml") } });
            var (exitCode, output) = await RunAsync(native, server.BaseAddress.ToString());

            Assert.True(exitCode == 0, output);
            Assert.Contains("Created Gadget default/native: color=red (the server's default)", output, StringComparison.Ordinal);
            Assert.Contains("Listed Gadget default/native: size=3 port=http ready=True", output, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            using var stored = JsonDocument.Parse(await http.GetStringAsync(new Uri("apis/demo.example.com/v1/namespaces/default/gadgets/native", UriKind.Relative)));
            var condition = stored.RootElement.GetProperty("status").GetProperty("conditions")[0];
            Assert.Equal(("Ready", "True", "Compiled"), (condition.GetProperty("type").GetString(), condition.GetProperty("status").GetString(), condition.GetProperty("reason").GetString()));
            Assert.Equal("http", stored.RootElement.GetProperty("spec").GetProperty("port").GetString());
        }
        finally
        {
            work.Delete(recursive: true);
            ForgetPackedVersion(version);
        }
    }

    /// <summary>Trim (IL2xxx), AOT (IL3xxx) and any other build warning, as MSBuild prints them.</summary>
    [GeneratedRegex(@"warning [A-Z]+[0-9]+[^\r\n]*")]
    private static partial Regex Warnings();

    /// <summary>App/ into a folder outside the repository (no Directory.Build.props, no central versions), with a nuget.config that takes CapiSdk packages from the feed only.</summary>
    private static void CopyApp(string app, string feed)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "App");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(app, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="feed" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="feed"><package pattern="CapiSdk.*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string argument)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not exit in {RunTimeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The packed test version is removed from the global packages folder again, so runs do not pile up copies.</summary>
    private static void ForgetPackedVersion(string version)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackedIds)
        {
            var cached = Path.Combine(globalPackages, id.ToLowerInvariant(), version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }
}
