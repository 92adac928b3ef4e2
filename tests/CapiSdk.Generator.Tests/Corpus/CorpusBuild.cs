using System.Reflection;
using CapiSdk.Generator.Tests.Infrastructure;

namespace CapiSdk.Generator.Tests.Corpus;

/// <summary>The whole upstream corpus generated and compiled once per test run, as one project would.</summary>
internal static class CorpusBuild
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Built = new(() =>
    {
        var run = GeneratorHarness.Run(UpstreamCorpus.Load());
        return (run, run.Load());
    });

    public static GeneratorRun Run => Built.Value.Run;

    public static Assembly Assembly => Built.Value.Assembly;
}
