using System.Text.Json.Nodes;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

/// <summary>
/// Older installations: a server whose CRDs serve only older Cluster API or IPAM versions (as Cluster API before
/// 1.11 and older in-cluster IPAM providers install them). The controller and the IPAM simulator discover the newest
/// served version of each kind and work in it; the claim is written in the served version, with
/// <c>spec.clusterName</c> only where that version has it.
/// </summary>
public sealed class ServedVersionTests
{
    [Theory]
    [InlineData("v1beta2", "v1beta1", "v1alpha2")]
    [InlineData("v1beta2", "v1alpha1", "v1alpha1")]
    [InlineData("v1beta1", "v1beta2", "v1alpha2")]
    [InlineData("v1beta1", "v1beta1", "v1alpha1")]
    public async Task A_Cluster_gets_and_releases_its_VIP_on_a_server_serving_only_older_versions(string clusterVersion, string claimVersion, string poolVersion)
    {
        await using var scenario = await Scenario.StartAsync(configure: o => ServedCrds.Only(o, [clusterVersion], [claimVersion], [poolVersion]));
        using var api = new RawApi(scenario.Server);
        var controller = await scenario.StartControllerAsync();
        await CreateWorldAsync(api, clusterVersion, poolVersion);

        var clusterPath = $"/apis/cluster.x-k8s.io/{clusterVersion}/namespaces/default/clusters/c1";
        JsonObject? cluster = null;
        var claimPath = $"/apis/ipam.cluster.x-k8s.io/{claimVersion}/namespaces/default/ipaddressclaims/vip-cp-c1";
        try
        {
            await Wait.UntilAsync(scenario.Server, async () => Ready(cluster = await api.GetAsync(clusterPath), clusterVersion), "the Cluster's VIP and condition");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; the Cluster: {cluster?.ToJsonString()}; the claim: {(await api.GetAsync(claimPath))?.ToJsonString()}; logs: {string.Join("\n", scenario.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => l.Category + ": " + l.Message + " " + l.Exception?.Message).Distinct())}", e);
        }

        var claim = (await api.GetAsync(claimPath))!;
        var address = (await api.GetAsync($"/apis/ipam.cluster.x-k8s.io/{claimVersion}/namespaces/default/ipaddresses/vip-cp-c1"))!;

        Assert.Equal((clusterVersion, claimVersion, poolVersion), (controller.Host.ClusterApiVersion, controller.Host.IpamVersions?.Claims, controller.Host.IpamVersions?.Pools));
        Assert.Equal((claimVersion, poolVersion), (scenario.Ipam!.Versions.Claims, scenario.Ipam.Versions.Pools));
        var host = (string?)cluster!["spec"]!["controlPlaneEndpoint"]!["host"];
        Assert.Equal("10.0.0.10", host);
        Assert.Equal(host, (string?)cluster["spec"]!["topology"]!["variables"]!.AsArray().Single(v => (string?)v!["name"] == "clusterVip")!["value"]);
        Assert.Equal(host, (string?)address["spec"]!["address"]);
        Assert.Equal("ipam.cluster.x-k8s.io/" + claimVersion, (string?)claim["apiVersion"]);
        Assert.Equal("""{"apiGroup":"ipam.cluster.x-k8s.io","kind":"GlobalInClusterIPPool","name":"vips"}""", claim["spec"]!["poolRef"]!.ToJsonString());
        Assert.Equal(claimVersion == "v1alpha1" ? null : "c1", (string?)claim["spec"]!["clusterName"]);
        var owner = claim["metadata"]!["ownerReferences"]!.AsArray().Single()!;
        Assert.Equal(("cluster.x-k8s.io/" + clusterVersion, "Cluster", true), ((string?)owner["apiVersion"], (string?)owner["kind"], (bool?)owner["controller"]));

        await api.DeleteAsync(clusterPath);
        await Wait.UntilAsync(scenario.Server, async () => await api.GetAsync($"/apis/ipam.cluster.x-k8s.io/{claimVersion}/namespaces/default/ipaddressclaims/vip-cp-c1") is null, "the claim released");
    }

    [Fact]
    public async Task An_IPAM_version_added_while_running_is_used_without_a_restart()
    {
        await using var scenario = await Scenario.StartAsync(configure: o => ServedCrds.Only(o, ["v1beta2"], ["v1beta1"], ["v1alpha2"]));
        using var api = new RawApi(scenario.Server);
        var controller = await scenario.StartControllerAsync();
        await CreateWorldAsync(api, "v1beta2", "v1alpha2");
        await Wait.UntilAsync(scenario.Server, async () => Ready(await api.GetAsync(ClusterPath("v1beta2", "c1")), "v1beta2"), "c1's VIP");
        Assert.Equal("v1beta1", controller.Host.IpamVersions?.Claims);

        // A Cluster API upgrade adds v1beta2 to the claim and address CRDs (v1beta1 stays the storage version).
        foreach (var crd in new[] { "ipaddressclaims.ipam.cluster.x-k8s.io", "ipaddresses.ipam.cluster.x-k8s.io" })
        {
            await UpdateCrdAsync(api, crd, ServedCrds.Versions(crd, ["v1beta1", "v1beta2"]));
        }

        await controller.WaitUntilAsync(() => controller.Host.IpamVersions?.Claims == "v1beta2");
        await CreateClusterAsync(api, "v1beta2", "c2");
        await Wait.UntilAsync(scenario.Server, async () => Ready(await api.GetAsync(ClusterPath("v1beta2", "c2")), "v1beta2"), "c2's VIP");

        var claims = (await api.GetAsync("/apis/ipam.cluster.x-k8s.io/v1beta2/namespaces/default/ipaddressclaims"))!["items"]!.AsArray();
        Assert.Equal(["vip-cp-c1", "vip-cp-c2"], claims.Select(c => (string?)c!["metadata"]!["name"]).Order());
        var created = claims.Single(c => (string?)c!["metadata"]!["name"] == "vip-cp-c2")!["metadata"]!["managedFields"]!.AsArray()
            .Where(m => (string?)m!["manager"] == "capi-vip-allocator").Select(m => (string?)m!["apiVersion"]);
        Assert.Equal(["ipam.cluster.x-k8s.io/v1beta2"], created.Distinct());
        Assert.Equal(("10.0.0.10", "10.0.0.11"), (await HostAsync(api, "v1beta2", "c1"), await HostAsync(api, "v1beta2", "c2")));
        Assert.Equal(1, controller.Host.Rewirings);
        Assert.Contains(scenario.Logs.Lines, l => l.Message.StartsWith("served API versions changed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "v1beta1" }, new[] { "v1beta1", "v1beta2" }, new string[0], "v1beta2")]
    [InlineData(new[] { "v1beta2", "v1beta1" }, new[] { "v1beta1" }, new[] { "v1beta2" }, "v1beta1")]
    public async Task A_Cluster_API_upgrade_or_downgrade_while_running_switches_to_the_newest_served_version(string[] before, string[] after, string[] unserved, string then)
    {
        await using var scenario = await Scenario.StartAsync(configure: o =>
        {
            ServedCrds.Only(o, before, ["v1beta2"], ["v1alpha2"]);
            ClusterConversion.Add(o);
        });
        using var api = new RawApi(scenario.Server);
        var controller = await scenario.StartControllerAsync();
        await CreateWorldAsync(api, before[0], "v1alpha2");
        await Wait.UntilAsync(scenario.Server, async () => Ready(await api.GetAsync(ClusterPath(before[0], "c1")), before[0]), "c1's VIP");
        Assert.Equal(before[0], controller.Host.ClusterApiVersion);

        foreach (var crd in new[] { "clusters.cluster.x-k8s.io", "clusterclasses.cluster.x-k8s.io" })
        {
            await UpdateCrdAsync(api, crd, ServedCrds.Versions(crd, after, unserved));
        }

        await controller.WaitUntilAsync(() => controller.Host.ClusterApiVersion == then);
        await CreateClusterAsync(api, then, "c2");
        await Wait.UntilAsync(scenario.Server, async () => Ready(await api.GetAsync(ClusterPath(then, "c2")), then), "c2's VIP and condition in " + then);

        var claim = (await api.GetAsync("/apis/ipam.cluster.x-k8s.io/v1beta2/namespaces/default/ipaddressclaims/vip-cp-c2"))!;
        Assert.Equal("cluster.x-k8s.io/" + then, (string?)claim["metadata"]!["ownerReferences"]!.AsArray().Single()!["apiVersion"]);
        Assert.Equal(("10.0.0.10", "10.0.0.11"), (await HostAsync(api, then, "c1"), await HostAsync(api, then, "c2")));
        Assert.True(Ready(await api.GetAsync(ClusterPath(then, "c1")), then), "c1 keeps its condition");
        Assert.Equal(1, controller.Host.Rewirings);
    }

    private static string ClusterPath(string version, string name) => $"/apis/cluster.x-k8s.io/{version}/namespaces/default/clusters/{name}";

    private static async Task<string?> HostAsync(RawApi api, string version, string name) =>
        (string?)(await api.GetAsync(ClusterPath(version, name)))?["spec"]?["controlPlaneEndpoint"]?["host"];

    private static async Task UpdateCrdAsync(RawApi api, string crd, JsonArray versions)
    {
        var (status, _) = await api.MergePatchAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + crd, new JsonObject { ["spec"] = new JsonObject { ["versions"] = versions } });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }

    private static bool Ready(JsonObject? cluster, string clusterVersion)
    {
        var status = clusterVersion == "v1beta1" ? cluster?["status"]?["v1beta2"] : cluster?["status"];
        return !string.IsNullOrEmpty((string?)cluster?["spec"]?["controlPlaneEndpoint"]?["host"]) &&
            status?["conditions"]?.AsArray().Any(c => (string?)c!["type"] == "ControlPlaneVipReady" && (string?)c["status"] == "True") == true;
    }

    private static async Task CreateWorldAsync(RawApi api, string clusterVersion, string poolVersion)
    {
        await api.CreateAsync($"/apis/ipam.cluster.x-k8s.io/{poolVersion}/globalinclusterippools", $$$"""
            {"apiVersion":"ipam.cluster.x-k8s.io/{{{poolVersion}}}","kind":"GlobalInClusterIPPool",
             "metadata":{"name":"vips","labels":{"vip.capi.gorizond.io/role":"control-plane","vip.capi.gorizond.io/cluster-class":"quick-start"}},
             "spec":{"addresses":["10.0.0.10-10.0.0.20"],"prefix":24}}
            """);
        var variables = """[{"name":"clusterVip","required":false,"schema":{"openAPIV3Schema":{"type":"string","default":""}}}]""";
        var classSpec = clusterVersion == "v1beta1"
            ? $$$"""{"controlPlane":{"ref":{"apiVersion":"controlplane.cluster.x-k8s.io/v1beta1","kind":"KubeadmControlPlaneTemplate","name":"cp"}},"infrastructure":{"ref":{"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta1","kind":"DockerClusterTemplate","name":"infra"}},"variables":{{{variables}}}}"""
            : $$$"""{"controlPlane":{"templateRef":{"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlaneTemplate","name":"cp"}},"infrastructure":{"templateRef":{"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta1","kind":"DockerClusterTemplate","name":"infra"}},"variables":{{{variables}}}}""";
        await api.CreateAsync($"/apis/cluster.x-k8s.io/{clusterVersion}/namespaces/default/clusterclasses", $$$"""
            {"apiVersion":"cluster.x-k8s.io/{{{clusterVersion}}}","kind":"ClusterClass","metadata":{"name":"quick-start","namespace":"default"},"spec":{{{classSpec}}}}
            """);
        await CreateClusterAsync(api, clusterVersion, "c1");
    }

    private static async Task CreateClusterAsync(RawApi api, string clusterVersion, string name)
    {
        var topology = clusterVersion == "v1beta1" ? """{"class":"quick-start","version":"v1.31.0"}""" : """{"classRef":{"name":"quick-start"},"version":"v1.31.0"}""";
        await api.CreateAsync($"/apis/cluster.x-k8s.io/{clusterVersion}/namespaces/default/clusters", $$$"""
            {"apiVersion":"cluster.x-k8s.io/{{{clusterVersion}}}","kind":"Cluster","metadata":{"name":"{{{name}}}","namespace":"default"},"spec":{"topology":{{{topology}}}}}
            """);
    }
}
