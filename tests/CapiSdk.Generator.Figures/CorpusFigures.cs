using System.Globalization;

namespace CapiSdk.Generator.Figures;

/// <summary>What one corpus costs a project that uses the generator.</summary>
internal sealed record CorpusFigures(
    string Name,
    int YamlLines,
    int Lines,
    long Bytes,
    int JsonPercent,
    int Types,
    long AssemblyBytes,
    TimeSpan ColdBuild,
    TimeSpan ColdRestore,
    TimeSpan ColdCompiler,
    TimeSpan EditBuild,
    TimeSpan? GeneratorInBuild)
{
    public string ToRow() => "| " + Name + " | " + N(YamlLines) + " | " + N(Lines) + " | " + Size(Bytes) + " | " + JsonPercent.ToString(CultureInfo.InvariantCulture) + "% | " + N(Types) + " | " + Size(AssemblyBytes)
        + " | " + Seconds(ColdBuild) + " | " + Seconds(ColdRestore) + " / " + Seconds(ColdCompiler) + " | " + Seconds(EditBuild) + " | " + (GeneratorInBuild is { } g ? Seconds(g) : "n/a") + " |";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.00", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KiB";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
