using System.Net;
using System.Text.Json.Nodes;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

/// <summary>
/// The IPAM provider's Ready condition on the claim, read where the served claim version keeps it: v1beta2 claims in
/// <c>status.conditions</c>; v1beta1 claims of a provider built on the v1beta2 types (the in-cluster provider since
/// Cluster API 1.11) only in <c>status.v1beta2.conditions</c>. The test plays the provider, so it writes exactly that.
/// </summary>
public sealed class ClaimConditionTests
{
    [Theory]
    [InlineData("v1beta2")]
    [InlineData("v1beta1")]
    public async Task The_providers_reasons_are_reported_alike_whichever_claim_version_is_served(string claimVersion)
    {
        await using var s = await Scenario.StartAsync(ipam: false, configure: o => ServedCrds.Only(o, ["v1beta2"], [claimVersion], ["v1alpha2"]));
        using var api = new RawApi(s.Server);
        await s.CreateGlobalPoolAsync("vips", ["10.0.0.10"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        await s.CreateClusterAsync("c1");
        var claims = $"/apis/ipam.cluster.x-k8s.io/{claimVersion}/namespaces/default/ipaddressclaims";
        await Wait.UntilAsync(s.Server, async () => await api.GetAsync(claims + "/vip-cp-c1") is not null, "the claim created");

        await SetReadyAsync(api, claims + "/vip-cp-c1", claimVersion, "False", "PoolExhausted", "GlobalInClusterIPPool vips has no free address");
        var exhausted = Condition(await s.WaitForConditionAsync("c1", "PoolExhausted"));
        Assert.Equal("False", exhausted.Status!.Value.Value);
        Assert.Contains("GlobalInClusterIPPool vips has no free address", exhausted.Message);

        await SetReadyAsync(api, claims + "/vip-cp-c1", claimVersion, "False", "PoolNotReady", "the pool is being validated");
        var waiting = Condition(await s.WaitForClusterAsync("c1", c => Condition(c).Reason == "WaitingForAddress"));
        Assert.Contains("the provider reports PoolNotReady: the pool is being validated", waiting.Message);

        await api.CreateAsync($"/apis/ipam.cluster.x-k8s.io/{claimVersion}/namespaces/default/ipaddresses", $$$"""
            {"apiVersion":"ipam.cluster.x-k8s.io/{{{claimVersion}}}","kind":"IPAddress","metadata":{"name":"vip-cp-c1","namespace":"default"},
             "spec":{"address":"10.0.0.10","prefix":24,"claimRef":{"name":"vip-cp-c1"},"poolRef":{"apiGroup":"ipam.cluster.x-k8s.io","kind":"GlobalInClusterIPPool","name":"vips"} } }
            """);
        await SetReadyAsync(api, claims + "/vip-cp-c1", claimVersion, "True", "Allocated", "", addressRef: "vip-cp-c1");

        Assert.Equal("10.0.0.10", await s.WaitForVipAsync("c1"));
        Assert.Equal("VipAllocated", Condition(await s.WaitForConditionAsync("c1", "VipAllocated")).Reason);
    }

    private static Condition Condition(Cluster cluster) =>
        cluster.Status?.Conditions?.FirstOrDefault(c => c.Type == "ControlPlaneVipReady") ?? new Condition();

    // What the provider writes: v1beta2 claims, status.conditions; v1beta1 claims, status.v1beta2.conditions only.
    private static async Task SetReadyAsync(RawApi api, string claimPath, string claimVersion, string status, string reason, string message, string? addressRef = null)
    {
        var conditions = new JsonArray(new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = status,
            ["reason"] = reason,
            ["message"] = message,
            ["lastTransitionTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        });
        var statusBody = claimVersion == "v1beta1" ? new JsonObject { ["v1beta2"] = new JsonObject { ["conditions"] = conditions } } : new JsonObject { ["conditions"] = conditions };
        if (addressRef is not null)
        {
            statusBody["addressRef"] = new JsonObject { ["name"] = addressRef };
        }

        var (code, _) = await api.MergePatchAsync(claimPath + "/status", new JsonObject { ["status"] = statusBody });
        Assert.Equal(HttpStatusCode.OK, code);
    }
}
