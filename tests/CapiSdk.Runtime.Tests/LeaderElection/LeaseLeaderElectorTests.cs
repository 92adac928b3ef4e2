using System.Diagnostics;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.LeaderElection;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Tests.Support2;
using CapiSdk.Testing;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Faults;
using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Tests.LeaderElection;

public sealed class LeaseLeaderElectorTests
{
    private const string Lease = "widgets-controller";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    private static LeaderElectionOptions Fast(string identity, bool releaseOnStop = true) => new()
    {
        LeaseName = Lease,
        LeaseNamespace = "default",
        Identity = identity,
        LeaseDuration = LeaseDuration,
        RenewDeadline = TimeSpan.FromSeconds(1.5),
        RetryPeriod = TimeSpan.FromSeconds(0.2),
        ReleaseOnStop = releaseOnStop,
    };

    private static string? Holder(ResourceChange change) =>
        change.Object.GetProperty("spec").TryGetProperty("holderIdentity", out var holder) ? holder.GetString() : null;

    private static bool IsLeaseWrite(ResourceChange change, string? holder) =>
        change.Resource.StartsWith("leases", StringComparison.Ordinal) && change.Name == Lease && Holder(change) == holder;

    [Fact]
    public async Task Exactly_one_of_two_electors_leads()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var changes = server.Changes.Subscribe();
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"));
        await using var b = new LeaseLeaderElector(k8s, Fast("b"));

        await a.StartAsync(ct);
        await b.StartAsync(ct);
        var first = await Task.WhenAny(a.WaitForLeadershipAsync(ct), b.WaitForLeadershipAsync(ct));
        await first;
        var leader = a.IsLeader ? a : b;
        for (var renewals = 0; renewals < 3; renewals++)
        {
            await changes.WaitForAsync(c => c.Type == ChangeType.Modified && IsLeaseWrite(c, leader.Identity), ct);
        }

        Assert.Equal(1, new[] { a, b }.Count(e => e.IsLeader));
        var lease = await k8s.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default", cancellationToken: ct);
        Assert.Equal(leader.Identity, lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Standby_leads_within_the_lease_duration_after_the_leader_stops_and_never_both_lead()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var changes = server.Changes.Subscribe();
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"));
        await using var b = new LeaseLeaderElector(k8s, Fast("b"));
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await using var sampler = new LeadershipSampler(a, b);
        await b.StartAsync(ct);
        await changes.WaitForAsync(c => c.Type == ChangeType.Modified && IsLeaseWrite(c, "a"), ct);

        var stopped = Stopwatch.StartNew();
        await a.StopAsync(ct);
        await b.WaitForLeadershipAsync(ct);
        var handover = stopped.Elapsed;
        await changes.WaitForAsync(c => IsLeaseWrite(c, "b"), ct);
        await sampler.DisposeAsync();

        Assert.True(handover < LeaseDuration, $"the standby led {handover} after the leader stopped");
        Assert.False(a.IsLeader);
        Assert.True(b.IsLeader);
        Assert.True(sampler.Samples > 10, $"only {sampler.Samples} samples");
        Assert.Equal(0, sampler.Overlaps);
    }

    [Fact]
    public async Task Graceful_stop_releases_the_lease_before_the_standby_takes_it()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var changes = server.Changes.Subscribe();
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"));
        await using var b = new LeaseLeaderElector(k8s, Fast("b"));
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await b.StartAsync(ct);

        await a.StopAsync(ct);
        await b.WaitForLeadershipAsync(ct);
        var holders = new List<string?>();
        ResourceChange change;
        do
        {
            change = await changes.WaitForAsync(c => c.Resource.StartsWith("leases", StringComparison.Ordinal), ct);
            holders.Add(Holder(change));
        }
        while (Holder(change) != "b");

        // a's renewals, then its release (an empty holder), then b: a never writes once b holds the lease.
        Assert.Equal("a", holders[0]);
        var firstB = holders.IndexOf("b");
        Assert.Equal("", holders[firstB - 1]);
        Assert.All(holders.Take(firstB - 1), h => Assert.Equal("a", h));
    }

    [Fact]
    public async Task Standby_waits_for_an_unreleased_lease_to_expire()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        using var changes = server.Changes.Subscribe();
        await using var a = new LeaseLeaderElector(k8s, Fast("a", releaseOnStop: false));
        await using var b = new LeaseLeaderElector(k8s, Fast("b"));
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await b.StartAsync(ct);

        var stopped = Stopwatch.StartNew();
        await a.StopAsync(ct);
        await b.WaitForLeadershipAsync(ct);
        var waited = stopped.Elapsed;
        DateTime? lastRenewalByA = null;
        ResourceChange change;
        do
        {
            change = await changes.WaitForAsync(c => c.Resource.StartsWith("leases", StringComparison.Ordinal), ct);
            if (Holder(change) == "a")
            {
                lastRenewalByA = change.Object.GetProperty("spec").GetProperty("renewTime").GetDateTime();
            }
        }
        while (Holder(change) != "b");
        var acquiredByB = change.Object.GetProperty("spec").GetProperty("acquireTime").GetDateTime();

        // a renewed at most one retry period before it stopped; b must not lead before that renewal expired,
        // as b's own clock and the Lease's record both show.
        Assert.True(waited >= LeaseDuration - TimeSpan.FromSeconds(0.2), $"the standby led {waited} after the leader stopped");
        Assert.NotNull(lastRenewalByA);
        Assert.True(acquiredByB - lastRenewalByA.Value >= LeaseDuration - TimeSpan.FromMilliseconds(10), $"b acquired at {acquiredByB:O}, a last renewed at {lastRenewalByA:O}");
    }

    [Fact]
    public async Task Leader_that_cannot_renew_loses_leadership_before_the_lease_expires()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"));
        await a.StartAsync(ct);
        var term = await a.WaitForLeadershipAsync(ct);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = term.Register(() => lost.TrySetResult());

        using var fault = server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["update"], Resources = ["leases"] });
        var failing = Stopwatch.StartNew();
        await lost.Task.WaitAsync(ct);

        Assert.False(a.IsLeader);
        Assert.True(a.LeadershipLost.IsCancellationRequested);
        Assert.True(failing.Elapsed < LeaseDuration, $"leadership ended {failing.Elapsed} after renewals started failing");
    }

    [Fact]
    public async Task Leader_stops_leading_at_once_when_another_holder_takes_the_lease()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var options = Fast("a");
        options.LeaseDuration = TimeSpan.FromSeconds(20);
        options.RenewDeadline = TimeSpan.FromSeconds(15);
        await using var a = new LeaseLeaderElector(k8s, options);
        await a.StartAsync(ct);
        var term = await a.WaitForLeadershipAsync(ct);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = term.Register(() => lost.TrySetResult());

        var lease = await k8s.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default", cancellationToken: ct);
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        await k8s.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, Lease, "default", cancellationToken: ct);
        var taken = Stopwatch.StartNew();
        await lost.Task.WaitAsync(ct);

        Assert.False(a.IsLeader);
        Assert.True(taken.Elapsed < TimeSpan.FromSeconds(2), $"leadership ended {taken.Elapsed} after the lease was taken, not at the next renewal");
    }

    [Fact]
    public async Task Stopping_cancels_the_term_token_the_controller_manager_waited_for()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"));
        ILeadershipGate gate = a;
        await a.StartAsync(ct);
        var term = await gate.WaitForLeadershipAsync(ct);
        var liveWhileLeading = !term.IsCancellationRequested;

        await a.StopAsync(ct);

        Assert.True(liveWhileLeading);
        Assert.True(term.IsCancellationRequested);
        Assert.False(a.IsLeader);
    }

    [Fact]
    public async Task Leadership_is_reported_as_the_leader_status_metric()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var metrics = new PrometheusRuntimeMetrics();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"), metrics);
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        var leading = await ExposeAsync(metrics, ct);

        await a.StopAsync(ct);
        var stopped = await ExposeAsync(metrics, ct);

        Assert.Contains($"leader_election_master_status{{name=\"{Lease}\"}} 1\n", leading, StringComparison.Ordinal);
        Assert.Contains($"leader_election_master_status{{name=\"{Lease}\"}} 0\n", stopped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_again_after_a_lost_term_returns_the_next_term()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Fast("a"));
        await a.StartAsync(ct);
        var first = await a.WaitForLeadershipAsync(ct);
        using (server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Verbs = ["update"], Resources = ["leases"] }))
        {
            await Task.Delay(Timeout.Infinite, first).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var second = await a.WaitForLeadershipAsync(ct);

        Assert.True(first.IsCancellationRequested);
        Assert.False(second.IsCancellationRequested);
        Assert.True(a.IsLeader);
    }

    private static async Task<string> ExposeAsync(PrometheusRuntimeMetrics metrics, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, ct);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
