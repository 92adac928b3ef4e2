using CapiVipAllocator.Cli;

namespace CapiVipAllocator.Demo;

/// <summary>The <c>demo</c> subcommand's flags.</summary>
/// <param name="Clusters"><c>--clusters</c>: how many Clusters to create (default 5).</param>
/// <param name="Keep"><c>--keep</c>: keep everything running afterwards, until Ctrl+C or SIGTERM.</param>
internal sealed record DemoOptions(int Clusters = 5, bool Keep = false)
{
    /// <summary>Parses <c>--clusters N</c> and <c>--keep</c>.</summary>
    /// <exception cref="FlagException">An unknown flag or a bad value.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DemoOptions();
        foreach (var (name, value) in FlagParser.Split(args, ["keep"], ["clusters"]))
        {
            options = name == "keep"
                ? options with { Keep = FlagParser.ParseBool(name, value) }
                : options with { Clusters = FlagParser.ParseInt(name, value, 1, 240) };
        }

        return options;
    }
}
