using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>
/// Parses Prometheus text exposition with a parser nobody here wrote: the npm package
/// parse-prometheus-text-format, pinned in prometheus-parser/package-lock.json and run through node.
/// Installs it with <c>npm ci</c> the first time when node_modules is missing.
/// </summary>
internal static class PrometheusTextParser
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The node executable, or null when node is not on PATH.</summary>
    public static string? Node { get; } = FindOnPath("node");

    /// <summary>Why tests that need the parser skip, or null when they can run.</summary>
    public static string? SkipReason => Node is null ? "node is not on PATH; the Prometheus text parser (npm parse-prometheus-text-format) cannot run" : null;

    /// <summary>Parses <paramref name="exposition"/> into metric families.</summary>
    /// <param name="exposition">Prometheus text format.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <returns>The families, in order.</returns>
    public static async Task<IReadOnlyList<ParsedFamily>> ParseAsync(string exposition, CancellationToken cancellationToken)
    {
        var directory = await EnsureInstalledAsync(cancellationToken);
        var (exit, output, error) = await RunAsync(Node!, ["parse.js"], directory, exposition, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The Prometheus parser rejected the exposition (exit {exit}): {error}\n{exposition}");
        }

        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(ToFamily)];
    }

    private static ParsedFamily ToFamily(JsonElement family) => new(
        family.GetProperty("name").GetString()!,
        family.TryGetProperty("help", out var help) ? help.GetString() ?? "" : "",
        family.GetProperty("type").GetString()!,
        [.. family.GetProperty("metrics").EnumerateArray().Select(ToSample)]);

    private static ParsedSample ToSample(JsonElement sample)
    {
        var labels = sample.TryGetProperty("labels", out var l)
            ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        var buckets = sample.TryGetProperty("buckets", out var b)
            ? b.EnumerateObject().ToDictionary(p => p.Name, p => Number(p.Value)!.Value)
            : [];
        return new ParsedSample(
            labels,
            sample.TryGetProperty("value", out var value) ? Number(value) : null,
            sample.TryGetProperty("count", out var count) ? Number(count) : null,
            sample.TryGetProperty("sum", out var sum) ? Number(sum) : null,
            buckets);
    }

    private static double? Number(JsonElement value) => value.GetString() switch
    {
        null => null,
        "+Inf" => double.PositiveInfinity,
        var text => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var directory = FindParserDirectory();
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(Path.Combine(directory, "node_modules", "parse-prometheus-text-format")))
            {
                var npm = FindOnPath("npm") ?? throw new InvalidOperationException($"npm is not on PATH; run 'npm ci' in {directory}.");
                var (exit, output, error) = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], directory, "", cancellationToken);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"npm ci failed in {directory} (exit {exit}): {output}{error}");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return directory;
    }

    private static string FindParserDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Support2", "prometheus-parser");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "tests", "CapiSdk.Runtime.Tests", "Support2", "prometheus-parser");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        // Built outside the repository's tree: the source file's own directory (without path mapping).
        var beside = Path.Combine(Path.GetDirectoryName(SourceFile())!, "prometheus-parser");
        return File.Exists(Path.Combine(beside, "package.json"))
            ? beside
            : throw new InvalidOperationException("Support2/prometheus-parser/package.json was not found above " + AppContext.BaseDirectory);
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var file in OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name])
            {
                var full = Path.Combine(dir, file);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string file, string[] arguments, string directory, string input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
