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

    /// <summary>
    /// A lease and a renew deadline far longer than any test, so that no test depends on how fast a busy machine
    /// is: a lease cannot expire and a renewal cannot miss its deadline by accident. A test about expiry or the
    /// deadline shortens exactly that duration.
    /// </summary>
    private static LeaderElectionOptions Options(string identity, bool releaseOnStop = true) => new()
    {
        LeaseName = Lease,
        LeaseNamespace = "default",
        Identity = identity,
        LeaseDuration = TimeSpan.FromMinutes(10),
        RenewDeadline = TimeSpan.FromMinutes(9),
        RetryPeriod = TimeSpan.FromSeconds(0.2),
        ReleaseOnStop = releaseOnStop,
    };

    private static string? Holder(ResourceChange change) =>
        change.Object.GetProperty("spec").TryGetProperty("holderIdentity", out var holder) ? holder.GetString() : null;

    private static bool IsLeaseWrite(ResourceChange change, string? holder) =>
        change.Resource.StartsWith("leases", StringComparison.Ordinal) && change.Name == Lease && Holder(change) == holder;

    /// <summary>The holders the lease's writes named, in order, up to the first write naming <paramref name="holder"/>, and that write.</summary>
    private static async Task<(List<string?> Holders, ResourceChange Last)> LeaseWritesUntilAsync(ChangeSubscription changes, string holder, CancellationToken ct)
    {
        var holders = new List<string?>();
        ResourceChange change;
        do
        {
            change = await changes.WaitForAsync(c => c.Resource.StartsWith("leases", StringComparison.Ordinal), ct);
            holders.Add(Holder(change));
        }
        while (Holder(change) != holder);

        return (holders, change);
    }

    /// <summary>Records when an elector became leader while the other still led (checked as its term begins).</summary>
    private static Func<bool> WatchForOverlap(LeaseLeaderElector a, LeaseLeaderElector b)
    {
        var overlapped = false;
        a.LeadershipChanged += (_, leading) => overlapped |= leading && b.IsLeader;
        b.LeadershipChanged += (_, leading) => overlapped |= leading && a.IsLeader;
        return () => Volatile.Read(ref overlapped);
    }

    [Fact]
    public async Task Exactly_one_of_two_electors_leads()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var changes = server.Changes.Subscribe();
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Options("a"));
        await using var b = new LeaseLeaderElector(k8s, Options("b"));

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
    public async Task Standby_leads_without_waiting_for_the_lease_to_expire_when_the_leader_stops_and_never_both_lead()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var changes = server.Changes.Subscribe();
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Options("a"));
        await using var b = new LeaseLeaderElector(k8s, Options("b"));
        var overlapped = WatchForOverlap(a, b);
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await b.StartAsync(ct);
        await changes.WaitForAsync(c => c.Type == ChangeType.Modified && IsLeaseWrite(c, "a"), ct);

        await a.StopAsync(ct);

        // The lease lasts ten minutes: b leading within the test's bound shows it took the released lease.
        await b.WaitForLeadershipAsync(ct);
        Assert.False(a.IsLeader);
        Assert.True(b.IsLeader);
        Assert.False(overlapped(), "b began to lead while a still led");
    }

    [Fact]
    public async Task Graceful_stop_releases_the_lease_before_the_standby_takes_it()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var changes = server.Changes.Subscribe();
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Options("a"));
        await using var b = new LeaseLeaderElector(k8s, Options("b"));
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await b.StartAsync(ct);

        await a.StopAsync(ct);
        await b.WaitForLeadershipAsync(ct);
        var (holders, _) = await LeaseWritesUntilAsync(changes, "b", ct);

        // a's renewals, then its release (an empty holder), then b: a never writes once b holds the lease.
        Assert.Equal("a", holders[0]);
        var firstB = holders.IndexOf("b");
        Assert.Equal("", holders[firstB - 1]);
        Assert.All(holders.Take(firstB - 1), h => Assert.Equal("a", h));
    }

    [Fact]
    public async Task Standby_does_not_take_an_unreleased_lease_that_has_not_expired()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Options("a", releaseOnStop: false));
        await using var b = new LeaseLeaderElector(k8s, Options("b"));
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await b.StartAsync(ct);

        await a.StopAsync(ct);
        var reads = server.Counters.Count("get", "leases");

        // Once a has stopped only b reads the lease, and b decides after each read. When b has begun a fourth read,
        // it has decided three times about a ten-minute lease that cannot have expired: that is the point after
        // which "b did not take it" is certain, with no waiting for a time to pass.
        await Eventually.TrueAsync(() => Task.FromResult(server.Counters.Count("get", "leases") >= reads + 4), ct);
        Assert.False(b.IsLeader);
        var lease = await k8s.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default", cancellationToken: ct);
        Assert.Equal("a", lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Standby_takes_an_unreleased_lease_once_it_has_expired()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        using var changes = server.Changes.Subscribe();
        var expiring = Options("a", releaseOnStop: false);
        expiring.LeaseDuration = TimeSpan.FromSeconds(2);
        expiring.RenewDeadline = TimeSpan.FromSeconds(1.5);
        await using var a = new LeaseLeaderElector(k8s, expiring);
        await using var b = new LeaseLeaderElector(k8s, Options("b"));
        await a.StartAsync(ct);
        await a.WaitForLeadershipAsync(ct);
        await b.StartAsync(ct);

        await a.StopAsync(ct);
        await b.WaitForLeadershipAsync(ct);
        var (holders, change) = await LeaseWritesUntilAsync(changes, "b", ct);

        // b went by the duration a wrote into the Lease (two seconds), not its own ten minutes, and took the lease
        // over from a without a release in between. That it waited for the expiry first is the test above.
        Assert.All(holders.SkipLast(1), h => Assert.Equal("a", h));
        Assert.Equal(1, change.Object.GetProperty("spec").GetProperty("leaseTransitions").GetInt32());
    }

    [Fact]
    public async Task Leader_that_cannot_renew_loses_leadership_before_the_lease_expires()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        var options = Options("a");
        options.LeaseDuration = TimeSpan.FromSeconds(30);
        options.RenewDeadline = TimeSpan.FromSeconds(2);
        await using var a = new LeaseLeaderElector(k8s, options);
        await a.StartAsync(ct);
        var term = await a.WaitForLeadershipAsync(ct);
        var lost = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = term.Register(() => lost.TrySetResult(DateTime.UtcNow));

        using var fault = server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Verbs = ["update"], Resources = ["leases"] });
        var lostAt = await lost.Task.WaitAsync(ct);
        var lease = await k8s.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default", cancellationToken: ct);

        Assert.False(a.IsLeader);
        Assert.True(a.LeadershipLost.IsCancellationRequested);

        // What keeps two leaders apart: a gave up (after its 2 s renew deadline) before its last renewal expired for
        // a standby (30 s). The margin is 28 s, so only a hang, not a busy machine, makes this fail.
        var expires = lease.Spec.RenewTime!.Value + options.LeaseDuration;
        Assert.True(lostAt < expires, $"leadership ended at {lostAt:O}, after the lease expired at {expires:O}");
    }

    [Fact]
    public async Task Leader_stops_leading_at_once_when_another_holder_takes_the_lease()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Options("a"));
        await a.StartAsync(ct);
        var term = await a.WaitForLeadershipAsync(ct);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = term.Register(() => lost.TrySetResult());

        var lease = await k8s.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default", cancellationToken: ct);
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        await k8s.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, Lease, "default", cancellationToken: ct);

        // The renew deadline is nine minutes: losing within the test's bound shows a gave up at its next renewal,
        // when it saw the other holder, instead of retrying until the deadline.
        await lost.Task.WaitAsync(ct);
        Assert.False(a.IsLeader);
    }

    [Fact]
    public async Task Stopping_cancels_the_term_token_the_controller_manager_waited_for()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var k8s = server.CreateClient();
        await using var a = new LeaseLeaderElector(k8s, Options("a"));
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
        await using var a = new LeaseLeaderElector(k8s, Options("a"), metrics);
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
        var options = Options("a");
        options.RenewDeadline = TimeSpan.FromSeconds(1);
        await using var a = new LeaseLeaderElector(k8s, options);
        await a.StartAsync(ct);
        var first = await a.WaitForLeadershipAsync(ct);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = first.Register(() => lost.TrySetResult());
        using (server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Verbs = ["update"], Resources = ["leases"] }))
        {
            await lost.Task.WaitAsync(ct);
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
