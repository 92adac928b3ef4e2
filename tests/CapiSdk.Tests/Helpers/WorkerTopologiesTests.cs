using CapiSdk.Tests.Infrastructure;
using CapiSdk.Topology;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Tests.Helpers;

/// <summary>MachineDeployment and MachinePool pools of a topology, by name, in both versions.</summary>
public sealed class WorkerTopologiesTests
{
    private static V1Beta2.Cluster TopologyCluster() => Json.Read<V1Beta2.Cluster>("""
        { "metadata": { "name": "prod" },
          "spec": { "topology": { "classRef": { "name": "quick-start" }, "version": "v1.31.0",
                                  "workers": { "machineDeployments": [ { "class": "default-worker", "name": "md-0", "replicas": 2, "x-newer": 1 } ] } } } }
        """);

    [Fact]
    public void Pools_are_listed_with_class_and_replicas()
    {
        var pools = TopologyCluster().GetMachineDeploymentTopologies();

        Assert.Equal([new WorkerTopology("md-0", "default-worker", 2)], pools);
        Assert.Empty(TopologyCluster().GetMachinePoolTopologies());
    }

    [Fact]
    public void Setting_a_pool_adds_it_changes_it_and_reports_no_change_when_equal()
    {
        var cluster = TopologyCluster();

        Assert.True(cluster.SetMachineDeploymentTopology(new WorkerTopology("md-0", "default-worker", 5)));
        Assert.False(cluster.SetMachineDeploymentTopology(new WorkerTopology("md-0", "default-worker", 5)));
        Assert.True(cluster.SetMachinePoolTopology(new WorkerTopology("mp-0", "pool-worker", null)));

        Assert.Equal([new WorkerTopology("md-0", "default-worker", 5)], cluster.GetMachineDeploymentTopologies());
        Assert.Equal([new WorkerTopology("mp-0", "pool-worker", null)], cluster.GetMachinePoolTopologies());
    }

    [Fact]
    public void Changing_a_pool_keeps_its_other_fields()
    {
        var cluster = TopologyCluster();

        cluster.SetMachineDeploymentTopology(new WorkerTopology("md-0", "default-worker", 3));

        var json = System.Text.Json.JsonSerializer.Serialize(cluster, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<V1Beta2.Cluster>)CapiSdk.Models.CrdJsonContext.Default.Options.GetTypeInfo(typeof(V1Beta2.Cluster)));
        Assert.Contains("\"x-newer\":1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_pool_reports_whether_there_was_one()
    {
        var cluster = TopologyCluster();

        Assert.True(cluster.RemoveMachineDeploymentTopology("md-0"));
        Assert.False(cluster.RemoveMachineDeploymentTopology("md-0"));
        Assert.False(cluster.RemoveMachinePoolTopology("mp-0"));
        Assert.Empty(cluster.GetMachineDeploymentTopologies());
    }

    [Fact]
    public void A_v1beta1_Cluster_works_the_same()
    {
        var cluster = Json.Read<V1Beta1.Cluster>("""{ "metadata": { "name": "old" }, "spec": { "topology": { "class": "quick-start", "version": "v1.30.0" } } }""");

        Assert.True(cluster.SetMachinePoolTopology(new WorkerTopology("mp-0", "pool-worker", 1)));
        Assert.True(cluster.SetMachineDeploymentTopology(new WorkerTopology("md-0", "default-worker", 1)));

        Assert.Equal([new WorkerTopology("mp-0", "pool-worker", 1)], cluster.GetMachinePoolTopologies());
        Assert.Equal([new WorkerTopology("md-0", "default-worker", 1)], cluster.GetMachineDeploymentTopologies());
    }

    [Fact]
    public void A_Cluster_without_topology_is_refused_with_a_clear_error()
    {
        var cluster = Json.Read<V1Beta2.Cluster>("""{ "metadata": { "name": "byo" }, "spec": {} }""");

        var error = Assert.Throws<InvalidOperationException>(() => cluster.SetMachineDeploymentTopology(new WorkerTopology("md-0", "w", 1)));
        Assert.Contains("'byo' has no spec.topology", error.Message, StringComparison.Ordinal);
        Assert.Empty(cluster.GetMachineDeploymentTopologies());
    }
}
