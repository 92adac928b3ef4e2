using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CapiSdk.Generator.Tests.Shapes;

/// <summary>The shape and naming rules of docs/naming.md, one behaviour each, on small CRDs.</summary>
public sealed class NamingRuleTests
{
    [Fact]
    public void Equal_shapes_at_two_places_are_one_type_named_for_the_shallowest_place_and_documented_with_both()
    {
        var run = Run(Crd("""
                        first: {type: object, properties: {x: {type: string}, y: {type: integer}}}
                        deep: {type: object, properties: {second: {type: object, properties: {x: {type: string}, y: {type: integer}}}}}
            """));

        Assert.Equal(new[] { "WidgetDeep", "WidgetFirst", "WidgetSpec" }, Names(run));
        Assert.Contains("public WidgetFirst? Second { get; set; }", Models(run), StringComparison.Ordinal);
        Assert.Contains("Used at <c>Widget.spec.first</c>, <c>Widget.spec.deep.second</c>.", Models(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Shapes_that_differ_only_in_validation_are_one_type_whose_docs_claim_only_what_holds_everywhere()
    {
        var run = Run(Crd("""
                        a: {type: object, properties: {x: {type: string, maxLength: 5, pattern: "^a"}}}
                        b: {type: object, properties: {x: {type: string, maxLength: 9, pattern: "^a"}}}
            """));

        var models = Models(run);
        Assert.Equal(new[] { "WidgetA", "WidgetSpec" }, Names(run));
        Assert.Contains("Pattern: <c>^a</c>.", models, StringComparison.Ordinal);
        Assert.DoesNotContain("Maximum length", models, StringComparison.Ordinal);
        Assert.Contains("Some of the places this type is used add validation not listed here", models, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{type: object, required: [x], properties: {x: {type: string}}}")]
    [InlineData("{type: object, properties: {x: {type: string, format: uri}}}")]
    [InlineData("{type: object, properties: {x: {type: string, enum: [a]}}}")]
    [InlineData("{type: object, properties: {x: {type: array, x-kubernetes-list-type: set, items: {type: string}}}}")]
    public void Shapes_that_differ_in_a_wire_fact_are_two_types(string second)
    {
        var run = Run(Crd("""
                        a: {type: object, properties: {x: {type: string}}}
                        b: 
            """ + second + "\n"));

        Assert.Contains("WidgetA", Names(run));
        Assert.Contains("WidgetB", Names(run));
    }

    [Fact]
    public void List_elements_are_singular_and_well_known_shapes_get_their_Kubernetes_names()
    {
        var run = Run(Crd("""
                        variables: {type: array, items: {type: object, properties: {name: {type: string}, value: {type: string}}}}
                        policies: {type: array, items: {type: object, properties: {rule: {type: string}}}}
                        secretRef: {type: object, properties: {name: {type: string}, key: {type: string}}}
                        conditions:
                          type: array
                          items:
                            type: object
                            properties:
                              type: {type: string}
                              status: {type: string, enum: ["True", "False", "Unknown"]}
                              lastTransitionTime: {type: string, format: date-time}
                              reason: {type: string}
                              message: {type: string}
            """));

        Assert.Equal(new[] { "Condition", "SecretKeySelector", "WidgetPolicy", "WidgetSpec", "WidgetSpecConditionStatus", "WidgetVariable" }, Names(run));
    }

    [Fact]
    public void Adding_an_unrelated_field_elsewhere_renames_no_type()
    {
        const string Properties = """
                        alpha: {type: object, properties: {items: {type: array, items: {type: object, properties: {v: {type: string}}}}}}
                        omega: {type: object, properties: {mode: {type: string, enum: [a, b]}}}
            """;
        var before = Names(Run(Crd(Properties)));

        var after = Names(Run(Crd("""
                        aardvark: {type: object, properties: {z: {type: boolean}, mode: {type: string, enum: [c]}}}
            """ + "\n" + Properties)));

        Assert.Subset(after.ToHashSet(), before.ToHashSet());
        Assert.Equal(new[] { "WidgetAardvark", "WidgetAardvarkMode" }, after.Except(before));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_shapes_wanting_one_name_are_told_apart_by_the_shallower_place_in_any_schema_order(bool reversed)
    {
        var deep = "            foo: {type: object, properties: {bar: {type: object, properties: {a: {type: string}}}}}\n";
        var shallow = "            fooBar: {type: object, properties: {b: {type: string}}}\n";

        var run = Run(Crd(reversed ? shallow + deep : deep + shallow));

        Assert.Contains("public WidgetFooBar? FooBar { get; set; }", Models(run), StringComparison.Ordinal);
        Assert.Contains("public WidgetSpecFooBar? Bar { get; set; }", Models(run), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_shape_in_two_kinds_of_one_namespace_is_one_type_emitted_once()
    {
        var shared = "            ref: {type: object, properties: {target: {type: string}, weight: {type: integer}}}\n";
        var gadget = Crd(shared).Replace("widgets.example.com", "gadgets.example.com").Replace("kind: Widget, plural: widgets", "kind: Gadget, plural: gadgets");

        var run = GeneratorHarness.Run(new[] { ("/crds/widgets.yaml", Crd(shared)), ("/crds/gadgets.yaml", gadget) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Equal(new[] { "GadgetRef", "GadgetSpec", "WidgetSpec" }, Names(run));
        Assert.Contains("public GadgetRef? Ref { get; set; }", run.Source("Widget.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void CapiSdkTypeNames_names_the_type_at_a_path_and_its_children_follow()
    {
        var run = Run(Crd("""
                        topology: {type: object, properties: {variables: {type: array, items: {type: object, properties: {name: {type: string}, inner: {type: object, properties: {v: {type: string}}}}}}}}
            """), "Widget.spec.topology.variables[*]=TopologyVariable");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "TopologyVariable", "TopologyVariableInner", "WidgetSpec", "WidgetTopology" }, Names(run));
    }

    [Theory]
    [InlineData("Widget.spec.nowhere=Thing", "no object or enum schema of this file is at that path")]
    [InlineData("Widget.spec.topology=1st", "'1st' is not a C# type name")]
    [InlineData("topology", "write it as '{Kind}{path}={Name}'")]
    [InlineData("Widget.spec.topology=WidgetSpec", "already has that name")]
    [InlineData("Widget.spec.topology=Thing;Widget.spec.topology=Other", "the path is given a name twice")]
    public void A_bad_CapiSdkTypeNames_entry_is_reported_as_CAPISDK012_and_the_rule_name_is_used(string mapping, string message)
    {
        var run = Run(Crd("""
                        topology: {type: object, properties: {size: {type: string}}}
            """), mapping);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK012", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(Names(run), n => n is "WidgetTopology" or "Thing");
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    private static GeneratorRun Run(string yaml, string? typeNames = null) =>
        GeneratorHarness.Run(
            new[] { ("/crds/widgets.yaml", yaml) },
            fileMetadata: typeNames is null ? null : new Dictionary<string, IReadOnlyDictionary<string, string>> { ["/crds/widgets.yaml"] = new Dictionary<string, string> { ["CapiSdkTypeNames"] = typeNames } });

    private static List<string> Names(GeneratorRun run) =>
        new ShapeCensus(run).Types.Select(t => t[(t.LastIndexOf('.') + 1)..]).Order(StringComparer.Ordinal).ToList();

    private static string Models(GeneratorRun run) => string.Concat(run.Sources.Where(s => s.HintName.StartsWith("Test.Example", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));

    /// <summary>A CRD of kind Widget whose spec has <paramref name="specProperties"/> (YAML, re-indented to fit).</summary>
    private static string Crd(string specProperties)
    {
        var lines = specProperties.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return Header + string.Join("\n", lines.Select(l => l.Trim().Length == 0 ? string.Empty : new string(' ', 14) + l[indent..])) + "\n";
    }

    private const string Header = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:

        """;
}
