using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Options;

/// <summary>Users steer the output with MSBuild properties and AdditionalFiles metadata, the way .NET users expect.</summary>
public sealed class OptionsTests
{
    private static readonly string Gadgets = File.ReadAllText(Path.Combine("Fixtures", "Mapping", "multi-version.yaml"));

    private static IEnumerable<string> Kinds(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName).Where(h => !h.StartsWith("CapiSdk.", StringComparison.Ordinal) && !h.Contains(".CrdJsonContext.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    [Fact]
    public void By_default_every_served_version_is_generated_under_the_projects_root_namespace()
    {
        var run = GeneratorHarness.Run(Gadgets);

        Assert.Equal(new[] { "Test.Tools.V1.Gadget.g.cs", "Test.Tools.V1.Gizmo.g.cs", "Test.Tools.V1Beta1.Gadget.g.cs" }, Kinds(run));
        Assert.Contains("namespace Test;\n", run.Source("CrdJsonContext.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage", new[] { "Test.Tools.V1.Gadget.g.cs", "Test.Tools.V1.Gizmo.g.cs" })]
    [InlineData("all", new[] { "Test.Tools.V1.Gadget.g.cs", "Test.Tools.V1.Gizmo.g.cs", "Test.Tools.V1Alpha1.Gadget.g.cs", "Test.Tools.V1Beta1.Gadget.g.cs" })]
    [InlineData("Served", new[] { "Test.Tools.V1.Gadget.g.cs", "Test.Tools.V1.Gizmo.g.cs", "Test.Tools.V1Beta1.Gadget.g.cs" })]
    public void CapiSdkVersions_selects_served_storage_or_all_versions(string value, string[] expected)
    {
        var run = GeneratorHarness.Run(Gadgets, properties: new Dictionary<string, string> { ["CapiSdkVersions"] = value });

        Assert.Equal(expected, Kinds(run));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void CapiSdkNamespace_replaces_the_root_namespace()
    {
        var run = GeneratorHarness.Run(Gadgets, properties: new Dictionary<string, string> { ["CapiSdkNamespace"] = "Acme.Kube" });

        Assert.Contains("Acme.Kube.Tools.V1.Gadget.g.cs", Kinds(run));
        Assert.Contains("namespace Acme.Kube.Tools.V1;\n", run.Source(".Tools.V1.Gadget.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void File_metadata_overrides_the_project_settings_for_that_file_only()
    {
        var widgets = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"));
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/crds/gadgets.yaml"] = new Dictionary<string, string> { ["CapiSdkNamespace"] = "Vendor.Tools", ["CapiSdkVersions"] = "storage" },
        };

        var run = GeneratorHarness.Run(new[] { ("/crds/gadgets.yaml", Gadgets), ("/crds/widgets.yaml", widgets) }, fileMetadata: metadata);

        Assert.Equal(new[] { "Test.Example.V1.Widget.g.cs", "Vendor.Tools.Tools.V1.Gadget.g.cs", "Vendor.Tools.Tools.V1.Gizmo.g.cs" }, Kinds(run));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void The_same_kind_in_two_files_with_different_namespaces_is_not_a_duplicate()
    {
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/vendor/gadgets.yaml"] = new Dictionary<string, string> { ["CapiSdkNamespace"] = "Vendor" },
        };

        var run = GeneratorHarness.Run(new[] { ("/crds/gadgets.yaml", Gadgets), ("/vendor/gadgets.yaml", Gadgets) }, fileMetadata: metadata);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("Vendor.Tools.V1.Gadget.g.cs", Kinds(run));
        Assert.Contains("Test.Tools.V1.Gadget.g.cs", Kinds(run));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("cluster.x-k8s.io", "v1beta2", "Test.Cluster.V1Beta2")]
    [InlineData("ipam.cluster.x-k8s.io", "v1alpha1", "Test.Ipam.Cluster.V1Alpha1")]
    [InlineData("example.com", "v1", "Test.Example.V1")]
    [InlineData("a.b.c.example.com", "v2beta10", "Test.A.B.C.V2Beta10")]
    public void Namespaces_follow_the_group_without_its_domain_and_the_version(string group, string version, string expected)
    {
        var yaml = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml")).Replace("group: example.com", "group: " + group).Replace("- name: v1\n", "- name: " + version + "\n");

        var run = GeneratorHarness.Run(yaml);

        Assert.Equal(new[] { expected + ".Widget.g.cs" }, Kinds(run));
    }
}
