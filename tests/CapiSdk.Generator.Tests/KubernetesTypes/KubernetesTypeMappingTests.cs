using CapiSdk.Generator.Tests.Infrastructure;
using k8s.Models;
using Xunit;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>With CapiSdkUseKubernetesTypes, sub-schemas compatible with a KubernetesClient class are typed as that class; without it, nothing changes.</summary>
public sealed class KubernetesTypeMappingTests
{
    [Fact]
    public void By_default_no_sub_schema_is_typed_as_a_KubernetesClient_class()
    {
        var run = WorkloadBuild.Generate();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var model = run.Source(".Example.V1.Workload.g.cs");
        Assert.Empty(System.Text.RegularExpressions.Regex.Matches(model, @"k8s\.Models\.V1\w+").Select(m => m.Value).Distinct().Except(new[] { "k8s.Models.V1ObjectMeta", "k8s.Models.V1ListMeta" }));
        Assert.Contains("public WorkloadSelector? Selector", model, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_property_on_compatible_sub_schemas_are_KubernetesClients_classes_and_the_output_compiles_cleanly()
    {
        Assert.Empty(WorkloadBuild.Run.CompileDiagnostics.Select(d => d.ToString()));
        const string spec = "Test.Example.V1.WorkloadSpec";
        Assert.Equal(typeof(V1Probe), WorkloadBuild.PropertyType(spec, "HealthCheck"));
        Assert.Equal(typeof(V1ResourceRequirements), WorkloadBuild.PropertyType(spec, "Resources"));
        Assert.Equal(typeof(V1LabelSelector), WorkloadBuild.PropertyType(spec, "Selector"));
        Assert.Equal(typeof(IList<V1Toleration>), WorkloadBuild.PropertyType(spec, "Tolerations"));
        Assert.Equal(typeof(IList<V1Taint>), WorkloadBuild.PropertyType(spec, "Taints"));
        Assert.Equal(typeof(V1SecretKeySelector), WorkloadBuild.PropertyType(spec, "SecretRef"));
        Assert.Equal(typeof(V1ObjectReference), WorkloadBuild.PropertyType(spec, "InfrastructureRef"));
        Assert.Equal(typeof(CapiSdk.Client.IntOrString?), WorkloadBuild.PropertyType(spec, "Port"));
        Assert.Null(WorkloadBuild.Assembly.GetType("Test.Example.V1.WorkloadHealthCheck"));
    }

    [Fact]
    public void A_condition_inside_the_status_is_V1Condition_but_the_kinds_own_conditions_keep_the_condition_helpers()
    {
        var component = WorkloadBuild.PropertyType("Test.Example.V1.WorkloadStatus", "Components").GetGenericArguments()[0];
        var conditions = WorkloadBuild.PropertyType("Test.Example.V1.WorkloadStatus", "Conditions").GetGenericArguments()[0];

        Assert.Equal(typeof(IList<V1Condition>), component.GetProperty("Conditions")!.PropertyType);
        Assert.True(typeof(CapiSdk.Client.IKubernetesCondition).IsAssignableFrom(conditions));
        Assert.Contains(WorkloadBuild.Workload.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(CapiSdk.Client.IHasConditions<>));
    }

    [Theory]
    [InlineData(".status.legacyConditions[*]", "V1Condition", "'severity' is not a field of V1Condition, so its value would be dropped.")]
    [InlineData(".spec.extraSelector", "V1LabelSelector", "the object keeps unknown fields (x-kubernetes-preserve-unknown-fields), which V1LabelSelector would drop.")]
    [InlineData(".spec.ports[*]", "V1ContainerPort", "'containerPort' is optional, but V1ContainerPort.ContainerPort is an int that is never null: an object without it would be written back with a default value.")]
    public void A_sub_schema_that_resembles_a_class_but_would_lose_or_change_a_value_is_generated_and_the_reason_reported(string path, string type, string reason)
    {
        var diagnostics = WorkloadBuild.Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" }).GeneratorDiagnostics;

        var refusal = Assert.Single(diagnostics, d => d.Id == "CAPISDK014" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'" + path + "'", StringComparison.Ordinal));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, refusal.Severity);
        Assert.Equal(
            "Schema at '" + path + "' in CustomResourceDefinition 'workloads.example.com' resembles KubernetesClient's " + type + " but is generated as its own type: " + reason,
            refusal.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(WorkloadBuild.Path, refusal.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_list_of_class_names_maps_only_those_and_file_metadata_overrides_the_property()
    {
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [WorkloadBuild.Path] = new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "k8s.Models.V1LabelSelector" },
        };

        var run = WorkloadBuild.Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "false" }, metadata);

        var model = run.Source(".Example.V1.Workload.g.cs");
        Assert.Contains("public global::k8s.Models.V1LabelSelector? Selector", model, StringComparison.Ordinal);
        Assert.DoesNotContain("global::k8s.Models.V1Probe", model, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void False_in_a_files_metadata_turns_the_project_setting_off_for_that_file()
    {
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [WorkloadBuild.Path] = new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "false" },
        };

        var run = WorkloadBuild.Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "true" }, metadata);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public WorkloadSelector? Selector", run.Source(".Example.V1.Workload.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_no_KubernetesClient_class_is_a_warning_and_the_others_still_apply()
    {
        var run = WorkloadBuild.Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "V1Nope;V1LabelSelector;IntOrString" });

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "CAPISDK015").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("'IntOrString' in CapiSdkUseKubernetesTypes is not used: k8s.Models.IntOrString is not a model class", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("'V1Nope' in CapiSdkUseKubernetesTypes is not used: the referenced KubernetesClient has no class k8s.Models.V1Nope.", warnings[1], StringComparison.Ordinal);
        Assert.Contains("public global::k8s.Models.V1LabelSelector? Selector", run.Source(".Example.V1.Workload.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void True_in_a_list_stands_for_the_default_classes()
    {
        var run = WorkloadBuild.Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "V1ServicePort;true" });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CAPISDK008" or "CAPISDK015");
        Assert.Contains("public global::k8s.Models.V1Probe? HealthCheck", run.Source(".Example.V1.Workload.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_neither_a_boolean_nor_a_class_name_is_an_invalid_option()
    {
        var run = WorkloadBuild.Generate(new Dictionary<string, string> { ["CapiSdkUseKubernetesTypes"] = "V1LabelSelector;not a name" });

        var invalid = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CAPISDK008");
        Assert.Contains("'not a name' is not a valid value for the CapiSdkUseKubernetesTypes property", invalid.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_context_covers_the_mapped_classes_and_what_they_reach_without_reflection()
    {
        var context = WorkloadBuild.Run.Source("Test.CrdJsonContext.g.cs");

        foreach (var type in new[] { "V1Probe", "V1HTTPGetAction", "V1TCPSocketAction", "V1ResourceRequirements", "Corev1ResourceClaim", "V1LabelSelectorRequirement", "V1Taint", "V1Condition" })
        {
            Assert.Contains("f.TryAdd(typeof(K8s::" + type + "), ", context, StringComparison.Ordinal);
        }

        Assert.Contains(", global::CapiSdk.Client.KubernetesIntOrStringConverter>(f);", context, StringComparison.Ordinal);
        Assert.Contains(", global::CapiSdk.Client.ResourceQuantityConverter>(f);", context, StringComparison.Ordinal);
        Assert.DoesNotContain("K8s::V1Container)", context, StringComparison.Ordinal);
    }
}
