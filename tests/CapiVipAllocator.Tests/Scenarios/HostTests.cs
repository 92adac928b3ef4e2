using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

public sealed class HostTests
{
    [Fact]
    public async Task Probes_answer_and_metrics_carry_the_go_operators_names_kept_current()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        var controller = await s.StartControllerAsync();
        await s.CreateClusterAsync("measured");
        await s.WaitForVipAsync("measured");
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(controller.Host.ProbeAddress!, "healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(controller.Host.ProbeAddress!, "readyz"))).StatusCode);
        var metrics = await http.GetStringAsync(new Uri(controller.Host.MetricsAddress!, "metrics"));

        Assert.Contains("capi_vip_allocator_allocations_total{role=\"control-plane\",cluster_class=\"quick-start\"} 1", metrics);
        Assert.Contains("capi_vip_allocator_claims_ready{role=\"control-plane\",namespace=\"default\"} 1", metrics);
        Assert.Contains("capi_vip_allocator_claims_pending{role=\"control-plane\",namespace=\"default\"} 0", metrics);
        Assert.Contains("capi_vip_allocator_pool_addresses_total{pool_name=\"cp-pool\"} 11", metrics);
        Assert.Contains("capi_vip_allocator_pools_available{cluster_class=\"quick-start\",role=\"control-plane\"} 1", metrics);
        foreach (var name in new[] { "allocation_errors_total", "allocation_duration_seconds", "pool_addresses_free", "pool_addresses_used", "claims_total", "reconcile_total", "reconcile_duration_seconds" })
        {
            Assert.Contains("capi_vip_allocator_" + name, metrics);
        }

        Assert.Contains("controller_runtime_reconcile_total", metrics);

        await s.Clusters.DeleteAsync("default", "measured");
        await Wait.UntilAsync(s.Server, async () => (await s.Claims.ListAsync("default")).Items.Count == 0, "claim released");

        // The gauges follow the controller's claim cache, which sees the delete a moment after the server does.
        await controller.WaitUntilAsync(
            async () => !(await http.GetStringAsync(new Uri(controller.Host.MetricsAddress!, "metrics"))).Contains("capi_vip_allocator_claims_ready{role=\"control-plane\",namespace=\"default\"} 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BeforeClusterCreate_answers_retry_until_the_vip_is_written()
    {
        await using var s = await Scenario.StartAsync(ipam: false);
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        var controller = await s.StartControllerAsync(new AllocatorOptions { EnableRuntimeExtension = true, RuntimeExtensionPort = 0 });
        await s.CreateClusterAsync("gated");
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        var hook = new Uri(controller.Host.RuntimeExtensionAddress!, "hooks.runtime.cluster.x-k8s.io/v1alpha1/beforeclustercreate/allocate-vip?timeout=10s");
        Task<JsonNode> AskAsync() => AskBeforeClusterCreateAsync(http, hook, "gated");

        // No IPAM yet: the hook waits its bound (RuntimeExtensionWait) for the VIP, then answers retry.
        var waiting = await AskAsync();
        Assert.Equal("Success", waiting["status"]!.GetValue<string>());
        Assert.True(waiting["retryAfterSeconds"]!.GetValue<int>() > 0);

        await s.StartIpamAsync();
        await s.WaitForVipAsync("gated");

        // Each ask waits on the controller's Cluster cache (woken when the cache changes that Cluster), so it answers
        // success as soon as the cache shows the VIP; asking again only covers a cache slower than that bound.
        using var timeout = new CancellationTokenSource(Scenario.Timeout);
        var done = await AskAsync();
        while (done["retryAfterSeconds"]!.GetValue<int>() != 0)
        {
            timeout.Token.ThrowIfCancellationRequested();
            done = await AskAsync();
        }

        Assert.Equal("Success", done["status"]!.GetValue<string>());
        Assert.Equal(0, done["retryAfterSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task BeforeClusterCreate_asked_before_the_address_exists_waits_for_the_vip_and_lets_creation_go_on()
    {
        await using var s = await Scenario.StartAsync(ipam: false);
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        var controller = await s.StartControllerAsync(new AllocatorOptions { EnableRuntimeExtension = true, RuntimeExtensionPort = 0, RuntimeExtensionWait = Scenario.Timeout });
        await s.CreateClusterAsync("gated");
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }) { Timeout = Scenario.Timeout * 2 };
        var hook = new Uri(controller.Host.RuntimeExtensionAddress!, "hooks.runtime.cluster.x-k8s.io/v1alpha1/beforeclustercreate/allocate-vip?timeout=10s");

        var asked = AskBeforeClusterCreateAsync(http, hook, "gated");
        await s.StartIpamAsync();
        var done = await asked;

        Assert.Equal("Success", done["status"]!.GetValue<string>());
        Assert.Equal(0, done["retryAfterSeconds"]!.GetValue<int>());
        Assert.Contains(await s.WaitForVipAsync("gated"), done["message"]!.GetValue<string>());
    }

    private static async Task<JsonNode> AskBeforeClusterCreateAsync(HttpClient http, Uri hook, string name)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "hooks.runtime.cluster.x-k8s.io/v1alpha1",
            ["kind"] = "BeforeClusterCreateRequest",
            ["cluster"] = JsonNode.Parse($$"""{"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster","metadata":{"name":"{{name}}","namespace":"default"},"spec":{"topology":{"classRef":{"name":"quick-start"},"version":"v1.31.0"} } }"""),
        };
        using var response = await http.PostAsync(hook, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Theory]
    [InlineData("--default-port=abc", "--default-port")]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--leader-elect=maybe", "--leader-elect")]
    [InlineData("--metrics-bind-address", "--metrics-bind-address")]
    [InlineData("--kubeconfig=/nonexistent/kubeconfig", "--kubeconfig")]
    public async Task A_bad_flag_exits_with_code_2_and_names_the_flag(string flag, string named)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "capi-vip-allocator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [binary, flag]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(named, stderr);
    }

    [Fact]
    public void Flags_are_read_in_both_forms_with_the_go_operators_defaults()
    {
        var defaults = FlagParser.Parse([]);
        Assert.Equal((true, false, 9443, "vip-allocator", false, 6443, "clusterVip"), (defaults.EnableReconciler, defaults.EnableRuntimeExtension, defaults.RuntimeExtensionPort, defaults.RuntimeExtensionName, defaults.LeaderElect, defaults.DefaultPort, defaults.VariableName));
        Assert.Equal(new BindAddress("0.0.0.0", 8080), defaults.MetricsBindAddress);
        Assert.Equal(new BindAddress("0.0.0.0", 8081), defaults.HealthProbeBindAddress);

        var set = FlagParser.Parse(["--leader-elect", "--enable-reconciler=false", "--default-port", "443", "-namespace=team-a", "--metrics-bind-address=127.0.0.1:9090", "--health-probe-bind-address=0", "--variable-name", "vip"]);

        Assert.True(set.LeaderElect);
        Assert.False(set.EnableReconciler);
        Assert.Equal(443, set.DefaultPort);
        Assert.Equal("team-a", set.Namespace);
        Assert.Equal(new BindAddress("127.0.0.1", 9090), set.MetricsBindAddress);
        Assert.Null(set.HealthProbeBindAddress);
        Assert.Equal("vip", set.VariableName);
    }
}
