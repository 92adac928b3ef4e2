using CapiSdk.Models.Cluster.V1Beta2;

namespace CapiVipAllocator.Tests.Support;

internal static class ClusterExtensions
{
    /// <summary>Keeps the variables a test writer applied so far (each round applies all of its own).</summary>
    public static Cluster WithVariables(this Cluster cluster, int round)
    {
        var variables = cluster.Spec.Topology!.Variables!;
        variables.Clear();
        variables.Add(new() { Name = "cni", Value = "calico" });
        for (var i = 0; i <= round; i++)
        {
            variables.Add(new() { Name = "extra-" + i, Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return cluster;
    }
}
