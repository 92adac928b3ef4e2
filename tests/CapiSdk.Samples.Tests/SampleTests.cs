using CapiSdk.Samples.Tests.Infrastructure;

namespace CapiSdk.Samples.Tests;

/// <summary>
/// Each sample, run with <c>dotnet run</c> as its README says, against the packed packages and without
/// KUBECONFIG (so against its in-process API server): it builds, prints what it should, and exits 0 by itself.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class SampleTests(PackedPackages packages)
{
    [Fact]
    public async Task ListClusters_prints_the_table_and_redraws_it_for_every_watch_event()
    {
        var (exitCode, output) = await packages.RunSampleAsync("ListClusters");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"NAME\s+CLASS\s+ENDPOINT\s+PHASE", output);
        foreach (var caption in new[] { "ADDED prod-eu", "ADDED dev-alice", "MODIFIED dev-alice", "MODIFIED staging", "DELETED prod-us" })
        {
            Assert.Contains("── " + caption, output, StringComparison.Ordinal);
        }

        var last = output[output.LastIndexOf("── DELETED prod-us", StringComparison.Ordinal)..];
        Assert.Matches(@"dev-alice\s+dev-class\s+<none>\s+Provisioning", last);
        Assert.Matches(@"prod-eu\s+quick-start\s+10\.0\.0\.10:6443\s+Provisioned", last);
        Assert.Matches(@"staging\s+dev-class\s+10\.0\.2\.10:6443\s+Provisioned", last);
        Assert.DoesNotContain("prod-us ", last, StringComparison.Ordinal);
        Assert.Contains("8 events, 3 clusters.", output, StringComparison.Ordinal);
        AssertRestoredFromPackages("ListClusters", "CapiSdk", "CapiSdk.Testing");
    }

    [Fact]
    public async Task BringYourOwnCrd_generates_models_from_its_own_CRD_and_creates_and_reads_an_object()
    {
        var (exitCode, output) = await packages.RunSampleAsync("BringYourOwnCrd");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Created DemoMachine default/demo-machine: the server defaulted spec.cpus to 2.", output, StringComparison.Ordinal);
        Assert.Contains("Read infrastructure.demo.io/v1beta1 DemoMachine demo-machine: image=ubuntu-24.04 cpus=2 memoryMiB=4096 powerState=On ready=True addresses=InternalIP/192.168.10.5", output, StringComparison.Ordinal);
        Assert.Contains("Read infrastructure.demo.io/v1alpha1 DemoMachine demo-machine: image=ubuntu-24.04 cpus=2", output, StringComparison.Ordinal);
        Assert.Contains("Deleted DemoMachine default/demo-machine.", output, StringComparison.Ordinal);
        AssertRestoredFromPackages("BringYourOwnCrd", "CapiSdk.Generator", "CapiSdk.Client", "CapiSdk.Testing");
        Assert.DoesNotContain("\"CapiSdk/", PackedPackages.RestoredAssets("BringYourOwnCrd"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimIp_creates_a_claim_and_reads_the_IPAddress_the_provider_binds_to_it()
    {
        var (exitCode, output) = await packages.RunSampleAsync("ClaimIp");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Created IPAddressClaim sample-claim; waiting for its IPAddress...", output, StringComparison.Ordinal);
        Assert.Contains("[IPAM simulator] answering claims as the in-cluster IPAM provider would", output, StringComparison.Ordinal);
        Assert.Contains("Claim sample-claim got IPAddress sample-claim: 10.0.0.10/24, gateway 10.0.0.1, from InClusterIPPool sample-pool", output, StringComparison.Ordinal);
        Assert.Contains("Deleted IPAddressClaim sample-claim", output, StringComparison.Ordinal);
        Assert.Contains("IPAddressClaim sample-claim and IPAddress sample-claim are gone.", output, StringComparison.Ordinal);
        AssertRestoredFromPackages("ClaimIp", "CapiSdk", "CapiSdk.Testing", "CapiSdk.IpamSimulator", "CapiSdk.Runtime");
    }

    private void AssertRestoredFromPackages(string sample, params string[] ids)
    {
        var assets = PackedPackages.RestoredAssets(sample);
        foreach (var id in ids)
        {
            Assert.Contains($"\"{id}/{packages.Version}\"", assets, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
    }
}
