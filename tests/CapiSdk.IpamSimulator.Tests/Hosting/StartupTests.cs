using CapiSdk.Client;
using CapiSdk.IpamSimulator.Hosting;
using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CapiSdk.IpamSimulator.Tests.Hosting;

/// <summary>Starting the simulator: standalone, in a host, with a slow-provider latency, and on servers missing CRDs.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task AddIpamSimulator_runs_the_simulator_with_the_hosts_client_until_the_host_stops()
    {
        await using var server = await ApiServer.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IKubernetes>(_ => server.CreateClient());
        builder.Services.AddIpamSimulator(o => o.MaxConcurrentReconciles = 2);
        using var host = builder.Build();
        await host.StartAsync();
        var kubernetes = host.Services.GetRequiredService<IKubernetes>();
        await new InClusterIPPoolClient(kubernetes).CreateAsync(new() { Metadata = new() { Name = "vips", NamespaceProperty = "default" }, Spec = new() { Addresses = ["10.0.0.10"], Prefix = 24 } });
        var claims = new IPAddressClaimClient(kubernetes);
        await claims.CreateAsync(Claim("hosted"));

        var ready = await WaitForReadyAsync(claims, "hosted");
        await host.StopAsync();

        Assert.Equal("hosted", ready.Status?.AddressRef?.Name);
    }

    [Fact]
    public async Task AllocationLatency_delays_each_allocation_on_the_simulators_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        await using var scenario = await IpamScenario.StartAsync(new IpamSimulatorOptions { AllocationLatency = TimeSpan.FromMinutes(5), TimeProvider = clock });
        await scenario.CreatePoolAsync("slow", 24, null, "10.0.0.10");
        await scenario.CreateClaimAsync("patient", "slow");

        // Move the simulator's clock on a minute at a time until the claim is answered.
        using var ticking = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            while (!ticking.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                await Task.Delay(20);
            }
        });
        await scenario.WaitForAddressAsync("patient");
        await ticking.CancelAsync();
        await ticker;

        var ready = (await scenario.Claims.GetAsync(IpamScenario.Namespace, "patient")).Status!.Conditions.Find("Ready")!;
        Assert.True(ready.LastTransitionTime >= start + TimeSpan.FromMinutes(5), $"allocated at {ready.LastTransitionTime}, 5 minutes after {start} at the earliest");
    }

    [Fact]
    public async Task Without_the_Cluster_CRD_claims_are_served_and_clusterName_is_not_checked()
    {
        await using var server = await ApiServer.StartAsync(file => file.Contains("ipam.cluster.x-k8s.io", StringComparison.Ordinal));
        using var kubernetes = server.CreateClient();
        await using var simulator = await IpamSimulator.StartAsync(kubernetes);
        await new InClusterIPPoolClient(kubernetes).CreateAsync(new() { Metadata = new() { Name = "vips", NamespaceProperty = "default" }, Spec = new() { Addresses = ["10.0.0.10"], Prefix = 24 } });
        var claims = new IPAddressClaimClient(kubernetes);
        var claim = Claim("standalone");
        claim.Spec.ClusterName = "nowhere";
        await claims.CreateAsync(claim);

        await WaitForReadyAsync(claims, "standalone");

        Assert.False(simulator.ChecksClusters);
    }

    [Fact]
    public async Task Without_the_IPAM_CRDs_start_fails_naming_what_to_install()
    {
        await using var server = await ApiServer.StartAsync(file => file.Contains("cluster.x-k8s.io/clusters", StringComparison.Ordinal));
        using var kubernetes = server.CreateClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IpamSimulator.StartAsync(kubernetes));

        Assert.Equal(
            "The API server serves no version of ipaddressclaims.ipam.cluster.x-k8s.io (v1beta2, v1beta1, v1alpha1), ipaddresses.ipam.cluster.x-k8s.io (v1beta2, v1beta1, v1alpha1), inclusterippools.ipam.cluster.x-k8s.io (v1alpha2, v1alpha1), globalinclusterippools.ipam.cluster.x-k8s.io (v1alpha2, v1alpha1): install the IPAM CRDs (Cluster API's and the in-cluster IPAM provider's; the CapiSdk package ships them under crds/).",
            error.Message);
    }

    [Fact]
    public async Task Invalid_options_are_refused_naming_the_setting()
    {
        await using var server = await ApiServer.StartAsync();
        using var kubernetes = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => IpamSimulator.StartAsync(kubernetes, new IpamSimulatorOptions { MaxConcurrentReconciles = 0 }));

        Assert.Contains("IpamSimulatorOptions.MaxConcurrentReconciles must be at least 1", error.Message);
    }

    private static IPAddressClaim Claim(string name) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = "default" },
        Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vips" } },
    };

    private static async Task<IPAddressClaim> WaitForReadyAsync(IPAddressClaimClient claims, string name)
    {
        await foreach (var change in claims.WatchAsync("default", new() { FieldSelector = "metadata.name=" + name }, IpamScenario.TimeoutToken()))
        {
            if (change.Object.Status?.Conditions.IsTrue("Ready") == true)
            {
                return change.Object;
            }
        }

        throw new TimeoutException("claim " + name + " never became Ready");
    }
}
