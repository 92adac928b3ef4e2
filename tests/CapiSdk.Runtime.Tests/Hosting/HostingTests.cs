using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Hosting;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapiSdk.Runtime.Tests.Hosting;

public sealed class HostingTests
{
    /// <summary>A reconciler resolved from DI with the kind's cache; it logs one line per reconcile.</summary>
    private sealed class LoggingReconciler(IReadOnlyStore<Cluster> cache, ILogger<LoggingReconciler> logger, Recorder<ReconcileRequest> calls) : IReconciler<Cluster>
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            logger.LogInformation("Reconciling version {Version}", cache.Get(request.Namespace, request.Name)?.Spec.Topology?.Version);
            calls.Add(request);
            return Task.FromResult(ReconcileResult.Done);
        }
    }

    [Fact]
    public async Task A_hosted_controller_takes_its_options_from_command_line_flags_and_logs_with_the_object_in_scope()
    {
        await using var server = await ApiServer.StartAsync(o => o.Namespaces.Add("team-a"));
        var calls = new Recorder<ReconcileRequest>();
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(["--CapiSdk:Runtime:Namespace=team-a", "--CapiSdk:Runtime:MaxConcurrentReconciles=3", "--CapiSdk:Runtime:Health:Port=-1"]);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<IKubernetes>(_ => server.CreateClient());
        builder.Services.AddSingleton(calls);
        builder.Services.AddCapiSdkRuntime(builder.Configuration);
        builder.Services.AddController<LoggingReconciler, Cluster>(sp => new ClusterClient(sp.GetRequiredService<IKubernetes>()), (controller, _) => controller.Named("clusters"));
        using var host = builder.Build();
        var clusters = new ClusterClient(host.Services.GetRequiredService<IKubernetes>());
        await clusters.CreateAsync(Objects.Cluster("elsewhere"));
        await clusters.CreateAsync(Objects.Cluster("mine", "team-a"));

        await host.StartAsync();
        await calls.WaitForAsync(c => c.Count == 1, what: "the reconcile");
        var manager = host.Services.GetRequiredService<ControllerManager>();
        var controller = Assert.IsType<Controller<Cluster>>(Assert.Single(manager.Controllers));
        await host.StopAsync();

        Assert.Equal([new ReconcileRequest("team-a", "mine")], calls.Items);
        Assert.Equal(3, controller.MaxConcurrentReconciles);
        Assert.Equal("team-a", host.Services.GetRequiredService<IOptions<RuntimeOptions>>().Value.Namespace);
        var line = Assert.Single(logs.Entries.Items, e => e.Message.StartsWith("Reconciling", StringComparison.Ordinal));
        Assert.Equal("Reconciling version v1.31.0", line.Message);
        Assert.Equal(("clusters", "team-a", "mine"), (line.Scope["Controller"], line.Scope["Namespace"], line.Scope["Name"]));
    }

    [Fact]
    public void Options_bind_from_the_CapiSdk_Runtime_section()
    {
        var builder = Host.CreateApplicationBuilder(["--CapiSdk:Runtime:ResyncPeriod=00:05:00", "--CapiSdk:Runtime:RetriesPerSecond=50", "--CapiSdk:Runtime:BaseRetryDelay=00:00:00.010"]);
        builder.Services.AddCapiSdkRuntime(builder.Configuration);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<RuntimeOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.ResyncPeriod);
        Assert.Equal(50, options.RetriesPerSecond);
        Assert.Equal(TimeSpan.FromMilliseconds(10), options.BaseRetryDelay);
        Assert.Equal(1, options.MaxConcurrentReconciles);
    }

    [Fact]
    public void An_IKubernetes_registered_before_is_kept()
    {
        var builder = Host.CreateApplicationBuilder([]);
        using var mine = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        builder.Services.AddSingleton<IKubernetes>(mine);
        builder.Services.AddCapiSdkRuntime(builder.Configuration);
        using var host = builder.Build();

        Assert.Same(mine, host.Services.GetRequiredService<IKubernetes>());
        Assert.IsType<AlwaysLeader>(host.Services.GetRequiredService<ILeadershipGate>());
    }
}
