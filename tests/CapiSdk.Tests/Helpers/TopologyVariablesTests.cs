using System.Text.Json.Nodes;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Topology;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;

namespace CapiSdk.Tests.Helpers;

/// <summary>Reading and writing topology variables by name, as the VIP allocator writes clusterVip.</summary>
public sealed class TopologyVariablesTests
{
    private static Cluster TopologyCluster() => new()
    {
        Metadata = new() { Name = "c" },
        Spec = new ClusterSpec
        {
            Topology = new ClusterTopology
            {
                ClassRef = new ClusterTopologyClassRef { Name = "quick-start" },
                Variables = new List<ClusterTopologyVariable> { new() { Name = "replicas", Value = JsonValue.Create(3) } },
            },
        },
    };

    [Fact]
    public void A_new_variable_is_added_and_read_back_typed()
    {
        var cluster = TopologyCluster();

        Assert.True(cluster.SetVariable("clusterVip", "10.0.0.42"));

        Assert.Equal("10.0.0.42", cluster.GetVariableString("clusterVip"));
        Assert.Equal(3, cluster.GetVariable("replicas")!.GetValue<int>());
        Assert.Equal(2, cluster.Spec.Topology!.Variables!.Count);
    }

    [Fact]
    public void Setting_the_same_value_again_reports_no_change_so_nothing_is_written()
    {
        var cluster = TopologyCluster();
        cluster.SetVariable("clusterVip", "10.0.0.42");

        Assert.False(cluster.SetVariable("clusterVip", "10.0.0.42"));
        Assert.True(cluster.SetVariable("clusterVip", "10.0.0.43"));
        Assert.Equal("10.0.0.43", cluster.GetVariableString("clusterVip"));
    }

    [Fact]
    public void A_structured_value_round_trips_through_a_JsonTypeInfo()
    {
        var cluster = TopologyCluster();
        var endpoint = new ClusterControlPlaneEndpoint { Host = "10.0.0.42", Port = 6443 };
        var type = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ClusterControlPlaneEndpoint>)CapiSdk.Models.CrdJsonContext.Default.Options.GetTypeInfo(typeof(ClusterControlPlaneEndpoint));

        cluster.SetVariable("endpoint", endpoint, type);
        var read = cluster.GetVariable("endpoint", type)!;

        Assert.Equal(("10.0.0.42", 6443), (read.Host, read.Port));
    }

    [Fact]
    public void A_Cluster_without_a_topology_is_refused_with_a_clear_error_and_reads_as_absent()
    {
        var classic = new V1Beta1.Cluster { Metadata = new() { Name = "classic" }, Spec = new V1Beta1.ClusterSpec() };

        var error = Assert.Throws<InvalidOperationException>(() => classic.SetVariable("clusterVip", "10.0.0.1"));

        Assert.Contains("classic", error.Message, StringComparison.Ordinal);
        Assert.Null(classic.GetVariableString("clusterVip"));
    }

    [Fact]
    public void Numbers_and_booleans_are_read_and_written_without_json_metadata()
    {
        var cluster = TopologyCluster();

        Assert.True(cluster.SetVariable("workers", 5));
        Assert.True(cluster.SetVariable("ha", true));

        Assert.Equal(3, cluster.GetVariableInt32("replicas"));
        Assert.Equal(5L, cluster.GetVariableInt64("workers"));
        Assert.True(cluster.GetVariableBoolean("ha"));
        Assert.Null(cluster.GetVariableInt32("absent"));
        Assert.Equal("5", cluster.GetVariable("workers")!.ToJsonString());
    }

    [Fact]
    public void A_string_variable_read_as_a_number_says_what_it_holds()
    {
        var cluster = TopologyCluster();
        cluster.SetVariable("replicas", "3");

        var e = Assert.Throws<FormatException>(() => cluster.GetVariableInt32("replicas"));

        Assert.Equal("Topology variable 'replicas' is \"3\", not an int.", e.Message);
    }
}
