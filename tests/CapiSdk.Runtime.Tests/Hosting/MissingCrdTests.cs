using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Hosting;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TestTimeout = CapiSdk.Runtime.Tests.Support2.TestTimeout;

namespace CapiSdk.Runtime.Tests.Hosting;

/// <summary>A controller whose CRD is not installed says so once, naming the kind and the fix, and the process fails.</summary>
public sealed class MissingCrdTests
{
    private sealed class NothingReconciler : IReconciler<Cluster>
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(ReconcileResult.Done);
    }

    [Fact]
    public async Task An_informer_whose_kind_is_not_served_logs_once_what_is_missing_and_how_to_install_it()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        using var kubernetes = server.CreateClient();
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var informer = new SharedInformer<Cluster>(
            new ClusterClient(kubernetes),
            new InformerOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20) },
            loggers.CreateLogger<SharedInformer<Cluster>>());
        using var stop = new CancellationTokenSource(TestTimeout.Limit);

        var running = informer.RunAsync(stop.Token);
        await logs.Entries.WaitForAsync(e => e.Count(x => x.Message.Contains("still not served", StringComparison.Ordinal)) >= 3, what: "three retries");
        await stop.CancelAsync();
        await running;

        var error = Assert.Single(logs.Entries.Items, e => e.Message.Contains("404", StringComparison.Ordinal));
        Assert.StartsWith(
            "Informer clusters.cluster.x-k8s.io cannot list cluster.x-k8s.io/v1beta2 clusters: the API server does not serve kind Cluster (404 Not Found). Install its CustomResourceDefinition clusters.cluster.x-k8s.io",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries.Items, e => e.Message.Contains("lost its watch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hosted_controller_whose_crd_is_missing_stops_the_host_with_exit_code_1_naming_the_crd()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(["--CapiSdk:Runtime:CacheSyncTimeout=00:00:01", "--CapiSdk:Runtime:Health:Port=-1"]);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<IKubernetes>(_ => server.CreateClient());
        builder.Services.AddCapiSdkRuntime(builder.Configuration);
        builder.Services.AddController<NothingReconciler, Cluster>(sp => new ClusterClient(sp.GetRequiredService<IKubernetes>()));
        using var host = builder.Build();
        using var bound = new CancellationTokenSource(TestTimeout.Limit);

        try
        {
            await host.RunAsync(bound.Token);

            Assert.False(bound.IsCancellationRequested, "the host should stop by itself after the cache-sync timeout");
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }

        var stopping = Assert.Single(logs.Entries.Items, e => e.Message.StartsWith("Stopping with exit code 1", StringComparison.Ordinal));
        Assert.Contains(
            "clusters.cluster.x-k8s.io (the API server does not serve cluster.x-k8s.io/v1beta2 clusters (Cluster): install the CustomResourceDefinition clusters.cluster.x-k8s.io)",
            stopping.Message,
            StringComparison.Ordinal);
    }
}
