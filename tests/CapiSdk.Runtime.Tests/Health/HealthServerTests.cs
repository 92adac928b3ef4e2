using System.Net;
using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.LeaderElection;
using CapiSdk.Runtime.Tests.Support2;
using CapiSdk.Testing;

namespace CapiSdk.Runtime.Tests.Health;

public sealed class HealthServerTests
{
    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HealthServer server, string path, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.Address!, path), ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Healthz_answers_200_while_serving()
    {
        var ct = TestTimeout.Token();
        await using var server = new HealthServer(new HealthServerOptions { Port = 0 });
        server.AddReadinessCheck("never", () => false);
        await server.StartAsync(ct);

        var (status, body) = await GetAsync(server, "/healthz", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok\n", body);
    }

    [Fact]
    public async Task Port_zero_binds_a_free_port_and_reports_it()
    {
        var ct = TestTimeout.Token();
        await using var first = new HealthServer(new HealthServerOptions { Port = 0 });
        await using var second = new HealthServer(new HealthServerOptions { Port = 0 });

        await first.StartAsync(ct);
        await second.StartAsync(ct);

        Assert.Equal("127.0.0.1", first.Address!.Host);
        Assert.NotEqual(0, first.Address.Port);
        Assert.NotEqual(first.Address.Port, second.Address!.Port);
    }

    [Fact]
    public async Task Readyz_answers_503_naming_only_the_failing_checks()
    {
        var ct = TestTimeout.Token();
        await using var server = new HealthServer(new HealthServerOptions { Port = 0 });
        server.AddReadinessCheck("informers-synced", () => false);
        server.AddReadinessCheck("webhook-certs", () => true);
        await server.StartAsync(ct);

        var (status, body) = await GetAsync(server, "/readyz", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready: informers-synced\n", body);
    }

    [Fact]
    public async Task Readyz_answers_200_once_every_check_passes()
    {
        var ct = TestTimeout.Token();
        var synced = false;
        await using var server = new HealthServer(new HealthServerOptions { Port = 0 });
        server.AddReadinessCheck("informers-synced", () => Volatile.Read(ref synced));
        await server.StartAsync(ct);
        var before = await GetAsync(server, "/readyz", ct);

        Volatile.Write(ref synced, true);
        var after = await GetAsync(server, "/readyz", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.Status);
        Assert.Equal((HttpStatusCode.OK, "ok\n"), after);
    }

    [Fact]
    public async Task Readyz_counts_a_throwing_check_as_not_ready()
    {
        var ct = TestTimeout.Token();
        await using var server = new HealthServer(new HealthServerOptions { Port = 0 });
        server.AddReadinessCheck("cache", () => throw new InvalidOperationException("boom"));
        await server.StartAsync(ct);

        var (status, body) = await GetAsync(server, "/readyz", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("cache", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_is_ready_for_a_leader_and_for_a_standby_but_not_for_a_stopped_elector()
    {
        var ct = TestTimeout.Token();
        await using var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = kube.CreateClient();
        LeaderElectionOptions Options(string identity) => new()
        {
            LeaseName = "widgets-controller",
            Identity = identity,
            // Long enough that the leader cannot lose its lease to a busy machine while the test looks.
            LeaseDuration = TimeSpan.FromSeconds(60),
            RenewDeadline = TimeSpan.FromSeconds(50),
            RetryPeriod = TimeSpan.FromSeconds(0.2),
        };
        await using var leader = new LeaseLeaderElector(k8s, Options("a"));
        await using var standby = new LeaseLeaderElector(k8s, Options("b"));
        await using var leaderProbe = new HealthServer(new HealthServerOptions { Port = 0 });
        await using var standbyProbe = new HealthServer(new HealthServerOptions { Port = 0 });
        leaderProbe.AddLeaderElectionCheck(leader);
        standbyProbe.AddLeaderElectionCheck(standby);
        await leaderProbe.StartAsync(ct);
        await standbyProbe.StartAsync(ct);
        var notStarted = await GetAsync(standbyProbe, "/readyz", ct);

        await leader.StartAsync(ct);
        await leader.WaitForLeadershipAsync(ct);
        await standby.StartAsync(ct);
        await Eventually.TrueAsync(async () => (await GetAsync(standbyProbe, "/readyz", ct)).Status == HttpStatusCode.OK, ct);
        var leading = await GetAsync(leaderProbe, "/readyz", ct);
        await standby.StopAsync(ct);
        var stopped = await GetAsync(standbyProbe, "/readyz", ct);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "not ready: leader-election\n"), notStarted);
        Assert.Equal(HttpStatusCode.OK, leading.Status);
        Assert.False(standby.IsLeader);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "not ready: leader-election\n"), stopped);
    }

    [Fact]
    public async Task Metrics_answers_404_when_no_metrics_are_configured()
    {
        var ct = TestTimeout.Token();
        await using var server = new HealthServer(new HealthServerOptions { Port = 0 });
        await server.StartAsync(ct);

        var (status, _) = await GetAsync(server, "/metrics", ct);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
