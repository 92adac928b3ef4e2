using CapiSdk.Client;
using CapiSdk.Status;
using CapiSdk.Tests.Infrastructure;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Tests.Helpers;

/// <summary>Conditions and phase read the same way on every kind and version.</summary>
public sealed class StatusExtensionsTests
{
    private const string Conditions = """
        "conditions": [
          { "type": "Ready", "status": "False", "reason": "NodeNotReady", "message": "starting", "lastTransitionTime": "2024-05-06T07:08:09Z" },
          { "type": "Available", "status": "True", "reason": "Available", "lastTransitionTime": "2024-05-06T07:08:09Z" } ]
        """;

    [Fact]
    public void A_v1beta2_Machine_reports_its_conditions_and_phase()
    {
        var machine = Json.Read<V1Beta2.Machine>($$"""{ "status": { "phase": "Provisioned", {{Conditions}} } }""");

        Assert.Equal("NodeNotReady", machine.GetCondition("Ready")?.Reason);
        Assert.False(machine.IsReady());
        Assert.True(machine.IsAvailable());
        Assert.True(machine.IsConditionFalse("Ready"));
        Assert.Null(machine.GetCondition("Paused"));
        Assert.True(machine.IsInPhase(MachinePhase.Provisioned));
        Assert.False(machine.IsInPhase(MachinePhase.Running));
    }

    [Fact]
    public void A_v1beta1_legacy_condition_list_reads_through_the_same_helpers()
    {
        var deployment = Json.Read<V1Beta1.MachineDeployment>($$"""{ "status": { "phase": "ScalingUp", {{Conditions.Replace("\"message\": \"starting\",", "\"severity\": \"Warning\", \"message\": \"starting\",", StringComparison.Ordinal)}} } }""");

        Assert.Equal("starting", deployment.GetCondition("Ready")?.Message);
        Assert.True(deployment.IsConditionTrue("Available"));
        Assert.True(deployment.IsInPhase(MachineDeploymentPhase.ScalingUp));
    }

    [Fact]
    public void An_object_of_any_kind_reads_its_conditions_through_the_plain_IHasConditions_the_typed_one_brings()
    {
        object[] objects =
        [
            Json.Read<V1Beta2.Machine>($$"""{ "status": { {{Conditions}} } }"""),
            Json.Read<V1Beta1.MachineDeployment>($$"""{ "status": { {{Conditions}} } }"""),
        ];

        Assert.All(objects, o => Assert.Equal(("NodeNotReady", true, true), (((IHasConditions)o).GetCondition("Ready")?.Reason, ((IHasConditions)o).IsConditionFalse("Ready"), ((IHasConditions)o).IsAvailable())));
    }

    [Fact]
    public void An_object_without_status_has_no_conditions_and_no_phase()
    {
        IHasConditions cluster = new V1Beta2.Cluster();

        Assert.Null(cluster.Conditions);
        Assert.False(cluster.IsReady());
        Assert.False(((IHasPhase)cluster).IsInPhase(ClusterPhase.Provisioned));
    }

    [Fact]
    public void Every_kind_version_with_status_conditions_implements_IHasConditions_and_every_one_with_a_phase_IHasPhase()
    {
        var kinds = typeof(V1Beta2.Cluster).Assembly.GetExportedTypes()
            .Where(t => t.GetInterface("IKubernetesObject`1") is not null && t.GetProperty("Status") is { } status && !t.Name.EndsWith("List", StringComparison.Ordinal))
            .Select(t => (Type: t, Status: t.GetProperty("Status")!.PropertyType))
            .ToList();

        Assert.NotEmpty(kinds);
        Assert.All(kinds.Where(k => k.Status.GetProperty("Conditions") is not null), k => Assert.True(typeof(IHasConditions).IsAssignableFrom(k.Type), $"{k.Type.FullName} has status.conditions but does not implement IHasConditions"));
        Assert.All(kinds.Where(k => k.Status.GetProperty("Phase") is not null), k => Assert.True(typeof(IHasPhase).IsAssignableFrom(k.Type), $"{k.Type.FullName} has status.phase but does not implement IHasPhase"));
    }
}
