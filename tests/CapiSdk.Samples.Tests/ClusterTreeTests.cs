using CapiSdk.Samples.Tests.Infrastructure;

namespace CapiSdk.Samples.Tests;

/// <summary>samples/ClusterTree prints a Cluster's tree the way `clusterctl describe cluster` does.</summary>
public sealed class ClusterTreeTests
{
    [Fact]
    public async Task The_sample_prints_the_cluster_control_plane_deployments_sets_and_machines_as_a_tree()
    {
        var (exitCode, output) = await DotNetCli.RunAsync(Repository.Root, "run", "--project", "samples/ClusterTree");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"In-process API server at http://127\.0\.0\.1:\d+/ serving 20 CRDs", output);
        Assert.Matches(@"(?m)^NAME\s+AVAILABLE\s+READY\s+REASON\s+SINCE\s+MESSAGE$", output);
        Assert.Matches(@"(?m)^Cluster/prod\s+True\s+True\s+\d+m$", output);
        Assert.Matches(@"(?m)^├─ControlPlane - KubeadmControlPlane/prod-cp\s+True\s+True\s+\d+m$", output);
        Assert.Matches(@"(?m)^│ ├─Machine/prod-cp-0\s+True\s+True\s+\d+m$", output);
        Assert.Matches(@"(?m)^│ └─Machine/prod-cp-2\s+True\s+True\s+\d+m$", output);
        Assert.Matches(@"(?m)^└─Workers$", output);
        Assert.Matches(@"(?m)^  └─MachineDeployment/prod-md-0\s+True\s+True\s+\d+m$", output);
        Assert.Matches(@"(?m)^    └─MachineSet/prod-md-0-7f9c\s+True\s+False\s+NotReady\s+\d+m\s+1 of 2 Machines is not ready$", output);
        Assert.Matches(@"(?m)^      ├─Machine/prod-md-0-7f9c-abcde\s+True\s+True\s+\d+m$", output);
        Assert.Matches(@"(?m)^      └─Machine/prod-md-0-7f9c-fghij\s+False\s+False\s+NodeNotReady\s+\d+m\s+Node is starting$", output);
        Assert.Contains("Machine/prod-md-0-7f9c-abcde → Cluster/prod, owner prod-md-0-7f9c", output, StringComparison.Ordinal);
        Assert.Contains("Machine/prod-cp-1 → Cluster/prod, owner prod-cp", output, StringComparison.Ordinal);
    }
}
