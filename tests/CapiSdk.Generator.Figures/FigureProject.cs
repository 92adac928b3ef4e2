using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CapiSdk.Generator.Figures;

/// <summary>
/// A throw-away project in the temp directory: the corpus as AdditionalFiles, the built generator as an analyzer
/// (as the package gives it), KubernetesClient, and one hand-written .cs file. Built from the command line with
/// the compiler server off, as CI builds.
/// </summary>
internal sealed partial class FigureProject(GeneratorFiles tools, Corpus corpus)
{
    private const string ProjectName = "FigureProject";
    private readonly string _directory = Path.Combine(
        Path.GetTempPath(),
        "capisdk-figures",
        Regex.Replace(corpus.Name, "[^A-Za-z0-9.]", "-") + "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tools.Generator)))[..8]);

    public CorpusFigures Measure(int runs)
    {
        Write();
        var cold = new List<BuildTimes>();
        for (var i = 0; i < runs; i++)
        {
            Clean();
            cold.Add(Build(restore: true));
        }

        var edits = new List<BuildTimes>();
        for (var i = 0; i < runs; i++)
        {
            File.WriteAllText(Path.Combine(_directory, "User.cs"), UserCode(i + 1));
            edits.Add(Build(restore: false));
        }

        var generated = Directory.GetFiles(Path.Combine(_directory, "generated"), "*.cs", SearchOption.AllDirectories);
        var texts = generated.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f), Bytes: new FileInfo(f).Length)).ToList();
        var totalBytes = texts.Sum(t => t.Bytes);
        var json = texts.Where(t => t.Name.Contains("CrdJsonContext", StringComparison.Ordinal)).Sum(t => t.Bytes);
        var generatorTimes = edits.Where(e => e.Generator is not null).Select(e => e.Generator!.Value).ToList();
        return new CorpusFigures(
            corpus.Name,
            corpus.Files.Sum(f => File.ReadAllLines(f).Length),
            texts.Sum(t => t.Text.Count(c => c == '\n')),
            totalBytes,
            (int)(100 * json / Math.Max(1, totalBytes)),
            texts.Sum(t => TypeDeclaration().Count(t.Text)),
            new FileInfo(Path.Combine(_directory, "bin", ProjectName + ".dll")).Length,
            Median(cold.Select(c => c.Elapsed).ToList()),
            Median(cold.Select(c => c.Restore).ToList()),
            Median(cold.Select(c => c.Compiler).ToList()),
            Median(edits.Select(e => e.Elapsed).ToList()),
            generatorTimes.Count == 0 ? null : Median(generatorTimes));
    }

    private void Write()
    {
        Directory.CreateDirectory(_directory);
        var crds = string.Concat(corpus.Files.Select(f => "    <AdditionalFiles Include=\"" + SecurityElement.Escape(f) + "\" />\n"));
        File.WriteAllText(Path.Combine(_directory, ProjectName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{tools.Props}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RootNamespace>Figures</RootNamespace>
                <OutputPath>bin/</OutputPath>
                <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>
                <ReportAnalyzer>true</ReportAnalyzer>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove="generated/**" />
                <PackageReference Include="KubernetesClient" Version="21.0.8" />
                <Analyzer Include="{tools.Generator}" />
                <Analyzer Include="{tools.YamlDotNet}" />
                <Reference Include="{tools.Client}" />
            {crds}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_directory, "User.cs"), UserCode(0));
    }

    private void Clean()
    {
        foreach (var folder in new[] { "bin", "obj", "generated" })
        {
            var path = Path.Combine(_directory, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    private BuildTimes Build(bool restore)
    {
        var arguments = new List<string> { "build", "-p:UseSharedCompilation=false", "--disable-build-servers", "-nodeReuse:false", "-v:d", "-clp:PerformanceSummary" };
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        var log = output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            var errors = string.Join('\n', log.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(20));
            throw new InvalidOperationException("dotnet build of " + corpus.Name + " in " + _directory + " failed (exit " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + "):\n" + errors);
        }

        var generator = GeneratorTime().Match(log);
        return new BuildTimes(
            clock.Elapsed,
            generator.Success ? TimeSpan.FromSeconds(double.Parse(generator.Groups[1].Value, CultureInfo.InvariantCulture)) : null,
            TaskTime(log, "RestoreTask"),
            TaskTime(log, "Csc"));
    }

    /// <summary>A task's total in MSBuild's task performance summary ("     8137 ms  Csc     1 calls"); zero when it did not run.</summary>
    private static TimeSpan TaskTime(string log, string task)
    {
        var line = Regex.Match(log, @"^\s*(\d+) ms\s+" + task + @"\s+\d+ calls\s*$", RegexOptions.Multiline);
        return line.Success ? TimeSpan.FromMilliseconds(double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture)) : TimeSpan.Zero;
    }

    /// <summary>One build: its wall time, the generator's share (ReportAnalyzer) and two tasks' from MSBuild's summary.</summary>
    private sealed record BuildTimes(TimeSpan Elapsed, TimeSpan? Generator, TimeSpan Restore, TimeSpan Compiler);

    private static string UserCode(int edit) => "namespace Figures;\n\ninternal static class User\n{\n    public static int Edit => " + edit.ToString(CultureInfo.InvariantCulture) + ";\n}\n";

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The compiler's ReportAnalyzer line for the generator: "   0.123  100   CapiSdk.Generator.CrdSourceGenerator".</summary>
    [GeneratedRegex(@"^\s*(?:\S+\s+)?(\d+(?:\.\d+)?)\s+\S+\s+CapiSdk\.Generator\.CrdSourceGenerator\s*$", RegexOptions.Multiline)]
    private static partial Regex GeneratorTime();

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:(?:sealed|static|partial|abstract|readonly|record)\s+)*(?:class|struct|enum|interface|record)\s", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
