using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CapiSdk.Generator.Tests.Infrastructure;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>The workloads fixture generated with <c>CapiSdkUseKubernetesTypes=true</c>, compiled and loaded once.</summary>
internal static class WorkloadBuild
{
    public const string Path = "/crds/workloads.yaml";

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Built = new(() =>
    {
        var run = Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" });
        return (run, run.Load());
    });

    public static string Yaml { get; } = File.ReadAllText(System.IO.Path.Combine("Fixtures", "KubernetesTypes", "workloads.yaml"));

    public static GeneratorRun Run => Built.Value.Run;

    public static Assembly Assembly => Built.Value.Assembly;

    public static Type Workload => Type("Test.Example.V1.Workload");

    public static GeneratorRun Generate(IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null) =>
        GeneratorHarness.Run(new[] { (Path, Yaml) }, properties, fileMetadata);

    public static Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    public static Type PropertyType(string typeName, string property) => Type(typeName).GetProperty(property)!.PropertyType;

    public static JsonTypeInfo TypeInfo(Type type)
    {
        var context = (JsonSerializerContext)Assembly.GetType("Test.CrdJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        return context.GetTypeInfo(type) ?? throw new InvalidOperationException("No metadata for " + type);
    }

    public static object Read(string json) => JsonSerializer.Deserialize(json, TypeInfo(Workload))!;

    public static string Write(object value) => JsonSerializer.Serialize(value, TypeInfo(value.GetType()));

    public static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
}
