using CapiSdk.IpamSimulator.Tests.Support;
using V1Alpha1 = CapiSdk.Models.Ipam.Cluster.V1Alpha1;
using V1Beta1 = CapiSdk.Models.Ipam.Cluster.V1Beta1;

namespace CapiSdk.IpamSimulator.Tests.Claims;

/// <summary>
/// Claims written and read through the older served versions (v1beta1, v1alpha1) are served too: the simulator
/// works on the storage version (v1beta2), and the server returns the same object in the version a client asks for.
/// </summary>
public sealed class VersionTests
{
    [Fact]
    public async Task A_v1beta1_claim_is_answered_and_reads_back_through_v1beta1()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.11");
        var claims = new V1Beta1.IPAddressClaimClient(scenario.Kubernetes);
        await claims.CreateAsync(new V1Beta1.IPAddressClaim
        {
            Metadata = new() { Name = "old", NamespaceProperty = IpamScenario.Namespace },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } },
        });

        await scenario.WaitForAddressAsync("old");
        var read = await claims.GetAsync(IpamScenario.Namespace, "old");
        var address = await new V1Beta1.IPAddressClient(scenario.Kubernetes).GetAsync(IpamScenario.Namespace, "old");

        Assert.Equal("old", read.Status?.AddressRef?.Name);
        Assert.Equal(("10.0.0.10", "ipam.cluster.x-k8s.io/v1beta1"), (address.Spec?.Address, address.ApiVersion));
    }

    [Fact]
    public async Task A_v1alpha1_claim_is_answered()
    {
        await using var scenario = await IpamScenario.StartAsync();
        await scenario.CreatePoolAsync("vips", 24, null, "10.0.0.10-10.0.0.11");
        var claims = new V1Alpha1.IPAddressClaimClient(scenario.Kubernetes);
        await claims.CreateAsync(new V1Alpha1.IPAddressClaim
        {
            Metadata = new() { Name = "older", NamespaceProperty = IpamScenario.Namespace },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } },
        });

        var address = await scenario.WaitForAddressAsync("older");

        Assert.Equal("10.0.0.10", address.Spec.Address);
        Assert.Equal("older", (await claims.GetAsync(IpamScenario.Namespace, "older")).Status?.AddressRef?.Name);
    }
}
