using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CapiSdk.Generator.Tests.Diagnostics;

/// <summary>Each kind of bad input gives its diagnostic, at the file and line to fix, and the rest still generates.</summary>
public sealed class DiagnosticTests
{
    private const string Widget = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
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
                      size: {type: integer}
        """;

    [Fact]
    public void Malformed_yaml_reports_CAPISDK001_at_its_line_and_the_other_documents_still_generate()
    {
        var yaml = Widget + "\n---\nthis: [is: broken\n  - yaml\n---\n" + Widget.Replace("Widget", "Gadget").Replace("widgets", "gadgets");

        var run = GeneratorHarness.Run(yaml, "/crds/mixed.yaml");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CAPISDK001", diagnostic.Id);
        Assert.Equal("/crds/mixed.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line, 22, 24);
        Assert.Contains(run.Sources, s => s.HintName == "Test.Example.V1.Widget.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Test.Example.V1.Gadget.g.cs");
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("  group: example.com\n", "spec.group")]
    [InlineData("  names: {kind: Widget, plural: widgets}\n", "spec.names.kind")]
    [InlineData("plural: widgets", "spec.names.plural")]
    public void A_CRD_without_group_kind_or_plural_reports_CAPISDK002_naming_the_field(string removed, string field)
    {
        var yaml = removed == "plural: widgets" ? Widget.Replace(", plural: widgets", string.Empty) : Widget.Replace(removed, removed.Contains("names") ? "  names: {plural: widgets}\n" : string.Empty);

        var run = GeneratorHarness.Run(yaml);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK002", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'" + field + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_version_without_a_name_reports_CAPISDK003_and_the_named_versions_still_generate()
    {
        var yaml = Widget + "\n  - served: true\n    storage: false\n";

        var run = GeneratorHarness.Run(yaml);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CAPISDK003", diagnostic.Id);
        Assert.Equal(20, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(run.Sources, s => s.HintName == "Test.Example.V1.Widget.g.cs");
    }

    [Fact]
    public void A_version_without_a_schema_reports_CAPISDK004_and_gets_untyped_spec_and_status()
    {
        var yaml = Widget[..Widget.IndexOf("    schema:", StringComparison.Ordinal)];

        var run = GeneratorHarness.Run(yaml);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK004", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("public global::System.Text.Json.Nodes.JsonNode? Spec { get; set; }", run.Source("Widget.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("size: {$ref: '#/definitions/size'}", "'$ref'")]
    [InlineData("size: {type: [integer, string]}", "a 'type' that is not a single name")]
    [InlineData("size: {type: decimal}", "type 'decimal'")]
    [InlineData("size: {type: array, items: [{type: string}]}", "tuple 'items'")]
    public void An_unsupported_schema_construct_reports_CAPISDK005_with_its_path_and_falls_back_to_JsonNode(string property, string construct)
    {
        var run = GeneratorHarness.Run(Widget.Replace("size: {type: integer}", property));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CAPISDK005", diagnostic.Id);
        Assert.Contains(".spec.size", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(construct, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(19, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void The_same_kind_and_version_in_two_files_reports_CAPISDK006_and_keeps_the_first()
    {
        var run = GeneratorHarness.Run(new[] { ("/crds/b.yaml", Widget), ("/crds/a.yaml", Widget) });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK006", "/crds/b.yaml"), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path));
        Assert.Contains("/crds/a.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Single(run.Sources, s => s.HintName.EndsWith("Widget.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void Two_files_generating_the_same_type_in_one_namespace_report_CAPISDK011()
    {
        var parts = Widget.Replace("widgets.example.com", "widgetlists.example.com").Replace("kind: Widget, plural: widgets", "kind: WidgetList, plural: widgetlists");

        var run = GeneratorHarness.Run(new[] { ("/crds/widgets.yaml", Widget), ("/crds/parts.yaml", parts) });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK011", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("Test.Example.V1.WidgetList", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("/crds/widgets.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_project_without_KubernetesClient_gets_CAPISDK007_and_no_code()
    {
        var run = GeneratorHarness.Run(new[] { ("/crds/w.yaml", Widget) }, withKubernetesClient: false);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK007", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_project_without_CapiSdk_Client_gets_CAPISDK020_and_no_code()
    {
        var run = GeneratorHarness.Run(new[] { ("/crds/w.yaml", Widget) }, withClientLibrary: false);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK020", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("CapiSdk.Client", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("CapiSdk.Client.Aot", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_project_with_both_KubernetesClient_and_KubernetesClient_Aot_gets_CAPISDK021_naming_the_pair_to_keep_and_no_code()
    {
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(MetadataReference.CreateFromFile(GeneratorHarness.TestAssetPath("KubernetesClientAot")));

        var run = GeneratorHarness.RunOn(compilation, new[] { ("/crds/w.yaml", Widget) });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK021", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("CapiSdk.Client.Aot with KubernetesClient.Aot", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("CapiSdkVersions", "newest", "CapiSdkVersions")]
    [InlineData("CapiSdkNamespace", "My..Models", "CapiSdkNamespace")]
    [InlineData("CapiSdkNamespace", "My.class.Models", "CapiSdkNamespace")]
    public void An_invalid_option_reports_CAPISDK008_and_the_default_applies(string property, string value, string named)
    {
        var run = GeneratorHarness.Run(Widget, properties: new Dictionary<string, string> { [property] = value });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CAPISDK008", diagnostic.Id);
        Assert.Contains(named, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.HintName == "Test.Example.V1.Widget.g.cs");
    }

    [Fact]
    public void A_CRD_with_no_version_matching_the_selection_reports_CAPISDK009()
    {
        var run = GeneratorHarness.Run(Widget.Replace("storage: true", "storage: false"), properties: new Dictionary<string, string> { ["CapiSdkVersions"] = "storage" });

        Assert.Equal("CAPISDK009", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("size: {type: object, properties: [a, b]}", "properties")]
    [InlineData("size: {type: string, enum: [a, {b: c}]}", "enum")]
    [InlineData("size: [not, a, schema]", "schema")]
    public void A_keyword_with_a_value_of_the_wrong_kind_reports_CAPISDK010(string property, string keyword)
    {
        var run = GeneratorHarness.Run(Widget.Replace("size: {type: integer}", property));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CAPISDK010", diagnostic.Id);
        Assert.Contains("'" + keyword + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")]
    [InlineData("just a string")]
    [InlineData("- a\n- list\n")]
    [InlineData("")]
    public void Yaml_that_is_not_a_CRD_is_ignored_silently(string yaml)
    {
        var run = GeneratorHarness.Run(yaml, "/config/settings.yaml");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_v1beta1_CRD_is_ignored_silently()
    {
        var run = GeneratorHarness.Run(Widget.Replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_project_with_no_yaml_additional_files_gets_CAPISDK013_naming_the_fix()
    {
        var run = GeneratorHarness.Run(new[] { ("/notes/readme.txt", "not yaml") });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CAPISDK013", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("<AdditionalFiles Include=\"crds/*.yaml\" />", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Yaml_additional_files_without_a_CRD_do_not_get_CAPISDK013()
    {
        var run = GeneratorHarness.Run("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "/deploy/config.yaml");

        Assert.Empty(run.GeneratorDiagnostics);
    }
}
