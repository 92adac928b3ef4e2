using System.Reflection;
using CapiSdk.Generator.Tests.Infrastructure;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>The upstream corpus generated with <c>CapiSdkUseKubernetesTypes=true</c>, compiled and loaded once.</summary>
internal static class MappedCorpusBuild
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Built = new(() =>
    {
        var run = GeneratorHarness.Run(UpstreamCorpus.Load(), new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" });
        return (run, run.Load());
    });

    public static GeneratorRun Run => Built.Value.Run;

    public static Assembly Assembly => Built.Value.Assembly;
}
