using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Shapes;

/// <summary>Descriptions written once (docs/naming.md), on small CRDs: which place keeps a text and which point at it.</summary>
public sealed class SharedDocsRuleTests
{
    private const string Long = "How large the widget is, in widget units; a description long enough that pointing at it is shorter than writing it again.";

    [Fact]
    public void A_later_version_points_at_the_first_place_that_writes_a_long_description_and_repeats_a_short_one()
    {
        var run = GeneratorHarness.Run(new[] { ("/crds/widgets.yaml", Crd("Widget", Long, "v1", "v2")) });

        Assert.Equal(
            new[] { "/// <summary>" + Long + "</summary>", "/// <summary>The name.</summary>" },
            DocsOf(run.Source("Test.Example.V1.Widget.g.cs"), "Size", "Name"));
        Assert.Equal(
            new[] { "/// <inheritdoc cref=\"global::Test.Example.V1.WidgetSpec.Size\"/>", "/// <summary>The name.</summary>" },
            DocsOf(run.Source("Test.Example.V2.Widget.g.cs"), "Size", "Name"));
    }

    [Fact]
    public void A_type_whose_comment_is_its_propertys_points_at_the_property_written_first()
    {
        var run = GeneratorHarness.Run(new[] { ("/crds/widgets.yaml", Crd("Widget", Long)) });

        var source = run.Source("Test.Example.V1.Widget.g.cs");
        Assert.Contains("/// <summary>" + SpecDescription + "</summary>\n    public WidgetSpec? Spec { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("/// <inheritdoc cref=\"global::Test.Example.V1.Widget.Spec\"/>\npublic sealed partial class WidgetSpec", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_version_defined_twice_is_never_pointed_at_for_its_copys_text()
    {
        const string Other = "How large the copy says the widget is; long enough to be shared if the copy were emitted, which it is not.";
        var run = GeneratorHarness.Run(new[]
        {
            ("/crds/a.yaml", Crd("Widget", Long)),
            ("/crds/b.yaml", Crd("Widget", Other) + Crd("Zadget", Other)),
        });

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CAPISDK006");
        Assert.Equal(new[] { "/// <summary>" + Other + "</summary>" }, DocsOf(run.Source("Test.Example.V1.Zadget.g.cs"), "Size"));
    }

    private const string SpecDescription = "What the widget should be, described at length so that the type and the property share one comment.";

    /// <summary>The doc comment line right above each named property.</summary>
    private static string[] DocsOf(string source, params string[] properties)
    {
        var lines = source.Split('\n');
        return properties.Select(p => lines[Array.FindIndex(lines, l => l.Contains(" " + p + " { get; set; }", StringComparison.Ordinal)) - 1].Trim()).ToArray();
    }

    /// <summary>A CRD whose versions (<c>v1</c> unless given) have a spec with a <c>size</c> and a <c>name</c>.</summary>
    private static string Crd(string kind, string sizeDescription, params string[] versions) => $"""
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {"{"}name: {kind.ToLowerInvariant()}s.example.com{"}"}
        spec:
          group: example.com
          names: {"{"}kind: {kind}, plural: {kind.ToLowerInvariant()}s{"}"}
          scope: Namespaced
          versions:

        """ + string.Concat((versions.Length == 0 ? new[] { "v1" } : versions).Select((v, i) => $"""
          - name: {v}
            served: true
            storage: {(i == 0 ? "true" : "false")}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: {SpecDescription}
                    properties:
                      size: {"{"}type: string, description: "{sizeDescription}"{"}"}
                      name: {"{"}type: string, description: The name.{"}"}

        """));
}
