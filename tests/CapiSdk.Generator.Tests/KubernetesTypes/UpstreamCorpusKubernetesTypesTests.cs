using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CapiSdk.Generator.Tests.Corpus;
using CapiSdk.Generator.Tests.Infrastructure;
using k8s.Models;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>The real Cluster API and IPAM CRDs with CapiSdkUseKubernetesTypes on: they compile, and server objects survive a round trip.</summary>
public sealed class UpstreamCorpusKubernetesTypesTests
{
    public static IEnumerable<object[]> Kinds() => UpstreamCorpusTests.Kinds();

    [SkippableFact]
    public void The_corpus_generates_with_no_warning_and_compiles_with_no_errors_and_no_warnings()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        Assert.Empty(MappedCorpusBuild.Run.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(MappedCorpusBuild.Run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void A_server_object_survives_read_then_write_unchanged(string file, string kind, string version)
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        var (crd, versionNode) = UpstreamCorpusTests.Versions(UpstreamCorpus.Files.Single(f => Path.GetFileName(f) == file)).Single(v => v.Version.Scalar("name") == version);
        var spec = crd.Mapping("spec");
        var group = spec.Scalar("group");
        var schema = versionNode.Children.TryGetValue("schema", out var s) ? ((YamlMappingNode)s).Mapping("openAPIV3Schema") : null;
        var original = ServerPruning.Prune(new SampleFactory().CreateObject(group + "/" + version, kind, schema, spec.Scalar("scope") == "Namespaced"), schema);
        var type = MappedCorpusBuild.Kind(group, version, kind);
        var context = (JsonSerializerContext)MappedCorpusBuild.Assembly.GetType("Test.CrdJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var typeInfo = context.GetTypeInfo(type)!;

        var model = JsonSerializer.Deserialize(original!.ToJsonString(), typeInfo);
        var written = JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo));

        Assert.Null(JsonDiff.FirstDifference(original, written));
    }

    [SkippableTheory]
    [InlineData("cluster.x-k8s.io", "v1beta1", "MachineHealthCheck", "spec.selector", typeof(V1LabelSelector))]
    [InlineData("cluster.x-k8s.io", "v1beta1", "MachineHealthCheck", "spec.remediationTemplate", typeof(V1ObjectReference))]
    [InlineData("cluster.x-k8s.io", "v1beta2", "MachineHealthCheck", "spec.selector", typeof(V1LabelSelector))]
    [InlineData("cluster.x-k8s.io", "v1beta1", "ClusterClass", "spec.controlPlane.machineHealthCheck.remediationTemplate", typeof(V1ObjectReference))]
    [InlineData("cluster.x-k8s.io", "v1beta1", "ClusterClass", "status.v1beta2.conditions[*]", typeof(V1Condition))]
    [InlineData("controlplane.cluster.x-k8s.io", "v1beta1", "KubeadmControlPlane", "spec.machineTemplate.infrastructureRef", typeof(V1ObjectReference))]
    [InlineData("controlplane.cluster.x-k8s.io", "v1beta1", "KubeadmControlPlane", "spec.kubeadmConfigSpec.initConfiguration.nodeRegistration.taints[*]", typeof(V1Taint))]
    [InlineData("controlplane.cluster.x-k8s.io", "v1beta1", "KubeadmControlPlane", "spec.kubeadmConfigSpec.files[*].contentFrom.secret", typeof(V1SecretKeySelector))]
    public void Where_the_corpus_embeds_a_Kubernetes_shape_it_is_KubernetesClients_class(string group, string version, string kind, string path, Type expected)
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        var type = MappedCorpusBuild.Kind(group, version, kind);
        foreach (var segment in path.Split('.'))
        {
            var jsonName = segment.Replace("[*]", string.Empty, StringComparison.Ordinal);
            var property = type.GetProperties().Single(p =>
                (p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false).Cast<JsonPropertyNameAttribute>().SingleOrDefault()?.Name ?? p.Name).Equals(jsonName, StringComparison.OrdinalIgnoreCase));
            type = property.PropertyType;
            if (segment.EndsWith("[*]", StringComparison.Ordinal))
            {
                type = type.GetGenericArguments().Single();
            }
        }

        Assert.Equal(expected, type);
    }
}
