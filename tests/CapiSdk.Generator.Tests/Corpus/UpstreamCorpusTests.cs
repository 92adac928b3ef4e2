using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CapiSdk.Generator.Tests.Infrastructure;
using k8s.Models;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Tests.Corpus;

/// <summary>The real Cluster API and IPAM CRDs: all of them generate, compile cleanly, and round-trip objects losslessly.</summary>
public sealed class UpstreamCorpusTests
{
    public static IEnumerable<object[]> Kinds()
    {
        if (UpstreamCorpus.Root is null)
        {
            yield return new object[] { "(corpus absent)", string.Empty, string.Empty };
            yield break;
        }

        foreach (var file in UpstreamCorpus.Files)
        {
            foreach (var (crd, version) in Versions(file))
            {
                yield return new object[] { Path.GetFileName(file), crd.Mapping("spec").Mapping("names").Scalar("kind"), version.Scalar("name") };
            }
        }
    }

    [SkippableFact]
    public void Every_upstream_CRD_generates_without_diagnostics()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        Assert.Equal(29, UpstreamCorpus.Files.Count);
        Assert.Empty(CorpusBuild.Run.GeneratorDiagnostics);
    }

    [SkippableFact]
    public void Generated_code_for_the_whole_corpus_compiles_with_no_errors_and_no_warnings()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        Assert.Empty(CorpusBuild.Run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public void A_realistic_object_with_unknown_fields_survives_read_then_write_unchanged(string file, string kind, string version)
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        var (crd, versionNode) = Versions(UpstreamCorpus.Files.Single(f => Path.GetFileName(f) == file)).Single(v => v.Version.Scalar("name") == version);
        var spec = crd.Mapping("spec");
        var group = spec.Scalar("group");
        var schema = versionNode.Children.TryGetValue("schema", out var s) ? ((YamlMappingNode)s).Mapping("openAPIV3Schema") : null;
        var original = new SampleFactory().CreateObject(group + "/" + version, kind, schema, spec.Scalar("scope") == "Namespaced");
        var type = CorpusBuild.Assembly.GetExportedTypes().Single(t =>
            t.GetCustomAttributes(typeof(KubernetesEntityAttribute), false).Cast<KubernetesEntityAttribute>()
                .Any(a => a.Group == group && a.ApiVersion == version && a.Kind == kind));
        var context = (JsonSerializerContext)CorpusBuild.Assembly.GetType("Test.CrdJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var typeInfo = context.GetTypeInfo(type)!;

        var model = JsonSerializer.Deserialize(original.ToJsonString(), typeInfo);
        var written = JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo));

        Assert.Null(JsonDiff.FirstDifference(original, written));
    }

    internal static IEnumerable<(YamlMappingNode Crd, YamlMappingNode Version)> Versions(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode crd && crd.Scalar("kind") == "CustomResourceDefinition")
            {
                foreach (var version in ((YamlSequenceNode)crd.Mapping("spec").Children["versions"]).Children.Cast<YamlMappingNode>())
                {
                    if (version.Scalar("served") == "true")
                    {
                        yield return (crd, version);
                    }
                }
            }
        }
    }
}

internal static class YamlTestExtensions
{
    public static YamlMappingNode Mapping(this YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    public static string Scalar(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
}
