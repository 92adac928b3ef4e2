using CapiSdk.Samples.Tests.Infrastructure;

namespace CapiSdk.Samples.Tests;

/// <summary>The README's first command, the main job on the embedded API server, does what it says.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task The_quickstart_claims_a_vip_writes_it_to_the_Cluster_and_cleans_up_on_the_embedded_server()
    {
        var (exitCode, output) = await DotNetCli.RunAsync(Repository.Root, "run", "--project", "samples/Quickstart");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"In-process API server at http://127\.0\.0\.1:\d+/ serving 20 CRDs", output);
        Assert.Contains("IPAM simulator running; InClusterIPPool vip-pool: 10.0.0.42-10.0.0.50, prefix 24, gateway 10.0.0.1", output, StringComparison.Ordinal);
        Assert.Contains("vip set  prod   class=quick-start endpoint=10.0.0.42 clusterVip=10.0.0.42", output, StringComparison.Ordinal);
        Assert.Contains("typed error: KubernetesNotFoundException (404 NotFound)", output, StringComparison.Ordinal);
        Assert.Contains("deleted Cluster prod; claims and addresses left: 0", output, StringComparison.Ordinal);
    }
}
