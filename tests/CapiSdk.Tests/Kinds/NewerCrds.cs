using CapiSdk.Tests.Schemas;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Tests.Kinds;

/// <summary>
/// The SDK's CRDs as a newer Cluster API release would serve them: every object schema also keeps fields it does
/// not declare (<c>x-kubernetes-preserve-unknown-fields</c>), so the server stores the unknown fields of the samples
/// and the typed client meets fields it was not generated for.
/// </summary>
internal static class NewerCrds
{
    public static IReadOnlyList<string> Yaml { get; } = CrdDocuments.Ours.Select(Augment).ToList();

    private static string Augment(CrdFile crd)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(crd.Text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var version in ((YamlSequenceNode)root.Get("spec.versions")!).Children.OfType<YamlMappingNode>())
        {
            foreach (var (path, node) in SchemaIdentity.Walk(version.Get("schema.openAPIV3Schema"), "$"))
            {
                if (path != "$.metadata" && node.Child("properties") is YamlMappingNode { Children.Count: > 0 } && node.Child("x-kubernetes-preserve-unknown-fields") is null)
                {
                    node.Add("x-kubernetes-preserve-unknown-fields", new YamlScalarNode("true"));
                }
            }
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
