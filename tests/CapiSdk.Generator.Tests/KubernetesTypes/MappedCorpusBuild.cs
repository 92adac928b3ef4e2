using System.Reflection;
using CapiSdk.Generator.Tests.Infrastructure;
using k8s.Models;

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

    /// <summary>The generated class of one kind-version.</summary>
    public static Type Kind(string group, string version, string kind) => Assembly.GetExportedTypes().Single(t =>
        t.GetCustomAttributes(typeof(KubernetesEntityAttribute), false).Cast<KubernetesEntityAttribute>()
            .Any(a => a.Group == group && a.ApiVersion == version && a.Kind == kind));
}
