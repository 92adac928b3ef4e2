using System.Net;
using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.Hosting;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.LeaderElection;
using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TestTimeout = CapiSdk.Runtime.Tests.Support2.TestTimeout;

namespace CapiSdk.Runtime.Tests.Hosting;

/// <summary>AddCapiSdkRuntime wires leader election, health, metrics and events around the controllers.</summary>
public sealed class RuntimeWiringTests
{
    private sealed class CountingReconciler(Recorder<ReconcileRequest> calls, IEventRecorder events, IReadOnlyStore<Cluster> cache) : IReconciler<Cluster>
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            if (cache.Get(request.Namespace, request.Name) is { } cluster)
            {
                events.Record(cluster, EventType.Normal, "Reconciled", "seen by the test controller");
            }

            calls.Add(request);
            return Task.FromResult(ReconcileResult.Done);
        }
    }

    [Fact]
    public async Task A_hosted_runtime_leads_through_its_lease_serves_readiness_and_metrics_and_records_events()
    {
        await using var server = await ApiServer.StartAsync();
        var calls = new Recorder<ReconcileRequest>();
        var builder = Host.CreateApplicationBuilder([
            "--CapiSdk:Runtime:Health:Port=0",
            "--CapiSdk:Runtime:LeaderElection:LeaseName=test-controller",
            "--CapiSdk:Runtime:LeaderElection:LeaseDuration=00:01:00",
            "--CapiSdk:Runtime:LeaderElection:RenewDeadline=00:00:50",
            "--CapiSdk:Runtime:LeaderElection:RetryPeriod=00:00:00.200",
            "--CapiSdk:Runtime:EventComponent=test-controller",
        ]);
        builder.Services.AddSingleton<IKubernetes>(_ => server.CreateClient());
        builder.Services.AddSingleton(calls);
        builder.Services.AddCapiSdkRuntime(builder.Configuration);
        builder.Services.AddController<CountingReconciler, Cluster>(sp => new ClusterClient(sp.GetRequiredService<IKubernetes>()), (controller, _) => controller.Named("clusters"));
        using var host = builder.Build();
        var kubernetes = host.Services.GetRequiredService<IKubernetes>();
        await new ClusterClient(kubernetes).CreateAsync(Objects.Cluster("prod"));

        await host.StartAsync();
        await calls.WaitForAsync(c => c.Count >= 1, what: "the reconcile");
        var elector = Assert.IsType<LeaseLeaderElector>(host.Services.GetRequiredService<ILeadershipGate>());
        var health = host.Services.GetRequiredService<HealthServer>();
        using var http = new HttpClient { BaseAddress = health.Address };
        var ready = await Eventually(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK);
        var metrics = await http.GetStringAsync("/metrics");
        var lease = await kubernetes.CoordinationV1.ReadNamespacedLeaseAsync("test-controller", "default");
        await ((EventRecorder)host.Services.GetRequiredService<IEventRecorder>()).FlushAsync(CancellationToken.None);
        var events = await kubernetes.CoreV1.ListNamespacedEventAsync("default");
        await host.StopAsync();

        Assert.True(ready, "/readyz should answer 200 once informers synced and the elector leads");
        Assert.True(elector.Identity == lease.Spec.HolderIdentity, "the lease should name this instance");
        Assert.Contains("controller_runtime_reconcile_total{controller=\"clusters\",result=\"success\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("leader_election_master_status{name=\"test-controller\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains(events.Items, e => e.Reason == "Reconciled" && e.InvolvedObject.Name == "prod" && e.Source.Component == "test-controller");
    }

    [Fact]
    public async Task Without_a_lease_name_every_instance_leads_and_a_negative_port_turns_the_health_server_off()
    {
        var builder = Host.CreateApplicationBuilder(["--CapiSdk:Runtime:Health:Port=-1"]);
        builder.Services.AddSingleton<IKubernetes>(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }));
        builder.Services.AddCapiSdkRuntime(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var gate = host.Services.GetRequiredService<ILeadershipGate>();
        await host.StopAsync();

        Assert.Same(AlwaysLeader.Instance, gate);
        Assert.Null(host.Services.GetRequiredService<HealthServer>().Address);
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TestTimeout.Limit);
        while (!timeout.IsCancellationRequested)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return false;
    }
}
