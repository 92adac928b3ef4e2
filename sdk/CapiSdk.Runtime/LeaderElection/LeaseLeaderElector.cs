using System.Diagnostics;
using System.Net;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Metrics;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.LeaderElection;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, with client-go's rules: a standby takes the Lease only when
/// it has not seen it change for the lease duration; the leader renews every retry period and gives leadership up
/// (cancelling <see cref="LeadershipLost"/>) the moment it sees another holder or cannot renew within the renew
/// deadline; a graceful <see cref="StopAsync"/> releases the Lease so a standby takes over at its next retry.
/// Writes use the Lease's resourceVersion, so two candidates can never both win one round. It is the
/// <see cref="ILeadershipGate"/> the <see cref="ControllerManager"/> waits on when leader election is on.
/// </summary>
public sealed class LeaseLeaderElector : ILeadershipGate, IHostedService, IAsyncDisposable
{
    private static readonly CancellationToken NotLeading = new(canceled: true);

    private readonly IKubernetes _client;
    private readonly LeaderElectionOptions _options;
    private readonly IRuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    private TaskCompletionSource<CancellationToken> _leadership = NewLeadershipSource();
    private CancellationTokenSource? _term;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private volatile bool _isLeader;
    private volatile bool _stoppedHolding;

    private string? _observedRecord;
    private long _observedAt;
    private long _lastContact;

    /// <summary>Creates an elector; call <see cref="StartAsync"/> to start competing.</summary>
    /// <param name="client">The Kubernetes client.</param>
    /// <param name="options">The Lease and the timings; validated here.</param>
    /// <param name="metrics">Receives <see cref="IRuntimeMetrics.LeaderChanged"/>; null for none.</param>
    /// <param name="logger">Logs leadership changes; null for none.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="LeaderElectionOptions.Validate"/>).</exception>
    public LeaseLeaderElector(IKubernetes client, LeaderElectionOptions options, IRuntimeMetrics? metrics = null, ILogger<LeaseLeaderElector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _metrics = metrics ?? NullRuntimeMetrics.Instance;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>This instance's identity in the Lease.</summary>
    public string Identity => _options.Identity;

    /// <summary>The Lease's name.</summary>
    public string LeaseName => _options.LeaseName;

    /// <summary>Whether this instance leads now.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>
    /// A token cancelled the moment the current term of leadership ends (lost, or stopped). Already cancelled when
    /// this instance does not lead. Read it after leadership is won, or use the one <see cref="WaitForLeadershipAsync"/> returns.
    /// </summary>
    public CancellationToken LeadershipLost
    {
        get
        {
            lock (_gate)
            {
                return _isLeader && _term is not null ? _term.Token : NotLeading;
            }
        }
    }

    /// <summary>
    /// Whether the elector is healthy, for a readiness check: it runs, and it has had an answer from the API server
    /// (as leader or as standby) within the lease duration.
    /// </summary>
    public bool IsHealthy
    {
        get
        {
            var loop = _loop;
            var contact = Interlocked.Read(ref _lastContact);
            return loop is { IsCompleted: false } && contact != 0 && Stopwatch.GetElapsedTime(contact) <= _options.LeaseDuration;
        }
    }

    /// <summary>Raised (on the election loop) when this instance starts leading (true) or stops (false).</summary>
    public event EventHandler<bool>? LeadershipChanged;

    /// <summary>
    /// Waits until this instance leads. Returns the term's token, cancelled the moment that leadership ends;
    /// stop reconciling when it fires, then wait again.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The <see cref="LeadershipLost"/> token of the term that was won.</returns>
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        Task<CancellationToken> won;
        lock (_gate)
        {
            won = _leadership.Task;
        }

        return won.WaitAsync(cancellationToken);
    }

    /// <summary>Starts competing for the Lease in the background; returns at once.</summary>
    /// <param name="cancellationToken">Not used; the loop runs until <see cref="StopAsync"/>.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("The leader elector is already started.");
            }

            _stop = new CancellationTokenSource();
            _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops competing: leadership ends at once (<see cref="LeadershipLost"/> fires), then, with
    /// <see cref="LeaderElectionOptions.ReleaseOnStop"/>, the Lease is released so a standby takes over within its retry period.
    /// </summary>
    /// <param name="cancellationToken">Abandons the release (the standby then waits for the Lease to expire).</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            if (_stop is { IsCancellationRequested: false })
            {
                _stop.Cancel();
            }
        }

        if (loop is null)
        {
            return;
        }

        // Leadership ends before anything else, so reconciling stops at once; the loop may still finish an
        // acquisition it had started, which ends the same way once it returns.
        var wasLeader = _isLeader;
        EndTerm("stopping");
        await loop.ConfigureAwait(false);
        wasLeader |= _isLeader || _stoppedHolding;
        EndTerm("stopping");
        if (wasLeader && _options.ReleaseOnStop)
        {
            await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop?.Dispose();
    }

    private static TaskCompletionSource<CancellationToken> NewLeadershipSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (await TryAcquireOrRenewAsync(stop).ConfigureAwait(false) != LeaseAttempt.Held)
                {
                    // client-go's JitterUntil with factor 1.2: between 1 and 2.2 retry periods.
                    await Task.Delay(_options.RetryPeriod * (1 + (Random.Shared.NextDouble() * 1.2)), stop).ConfigureAwait(false);
                    continue;
                }

                var renewedAt = Stopwatch.GetTimestamp();
                if (stop.IsCancellationRequested)
                {
                    // Acquired while stopping: StopAsync releases it.
                    _stoppedHolding = true;
                    return;
                }

                BeginTerm();
                await LeadAsync(renewedAt, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LeaderElectionLog.LoopFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
            EndTerm("the election loop failed");
        }
    }

    // Renews until a renewal misses the deadline or another holder shows up; returns having ended the term.
    private async Task LeadAsync(long renewedAt, CancellationToken stop)
    {
        while (true)
        {
            await Task.Delay(_options.RetryPeriod, stop).ConfigureAwait(false);
            var outcome = LeaseAttempt.Failed;
            while (outcome == LeaseAttempt.Failed)
            {
                var left = _options.RenewDeadline - Stopwatch.GetElapsedTime(renewedAt);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                var attemptStarted = Stopwatch.GetTimestamp();
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
                deadline.CancelAfter(left);
                try
                {
                    outcome = await TryAcquireOrRenewAsync(deadline.Token).ConfigureAwait(false);
                    if (outcome == LeaseAttempt.Held)
                    {
                        renewedAt = attemptStarted;
                    }
                    else if (outcome == LeaseAttempt.Failed)
                    {
                        await Task.Delay(_options.RetryPeriod, deadline.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    outcome = LeaseAttempt.Failed;
                }
            }

            if (outcome == LeaseAttempt.HeldByOther)
            {
                EndTerm("another instance holds the lease");
                return;
            }

            if (outcome != LeaseAttempt.Held)
            {
                EndTerm($"the lease was not renewed within the renew deadline ({_options.RenewDeadline})");
                return;
            }
        }
    }

    private async Task<LeaseAttempt> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var coordination = _client.CoordinationV1;
        try
        {
            V1Lease lease;
            try
            {
                lease = await coordination.ReadNamespacedLeaseAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                var created = await coordination.CreateNamespacedLeaseAsync(
                    new V1Lease
                    {
                        ApiVersion = "coordination.k8s.io/v1",
                        Kind = "Lease",
                        Metadata = new V1ObjectMeta { Name = _options.LeaseName, NamespaceProperty = _options.LeaseNamespace },
                        Spec = new V1LeaseSpec
                        {
                            HolderIdentity = Identity,
                            LeaseDurationSeconds = LeaseSeconds,
                            AcquireTime = now,
                            RenewTime = now,
                            LeaseTransitions = 0,
                        },
                    },
                    _options.LeaseNamespace,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                Observe(created);
                return LeaseAttempt.Held;
            }

            Observe(lease);
            var spec = lease.Spec ?? new V1LeaseSpec();
            var holder = spec.HolderIdentity;
            var heldByMe = holder == Identity;
            if (!string.IsNullOrEmpty(holder) && !heldByMe)
            {
                var duration = spec.LeaseDurationSeconds is > 0 ? TimeSpan.FromSeconds(spec.LeaseDurationSeconds.Value) : _options.LeaseDuration;
                if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _observedAt)) < duration)
                {
                    return LeaseAttempt.HeldByOther;
                }
            }

            if (!heldByMe && _isLeader)
            {
                // Someone else wrote the Lease while this instance believed it led: it does not lead any more.
                return LeaseAttempt.HeldByOther;
            }

            lease.Spec = new V1LeaseSpec
            {
                HolderIdentity = Identity,
                LeaseDurationSeconds = LeaseSeconds,
                AcquireTime = heldByMe ? spec.AcquireTime ?? now : now,
                RenewTime = now,
                LeaseTransitions = heldByMe ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + 1,
                PreferredHolder = spec.PreferredHolder,
                Strategy = spec.Strategy,
            };
            var replaced = await coordination.ReplaceNamespacedLeaseAsync(lease, _options.LeaseName, _options.LeaseNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            Observe(replaced);
            return LeaseAttempt.Held;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException or IOException)
        {
            if (e is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict })
            {
                Interlocked.Exchange(ref _lastContact, Stopwatch.GetTimestamp());
            }

            LeaderElectionLog.AttemptFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
            return LeaseAttempt.Failed;
        }
    }

    private int LeaseSeconds => Math.Max(1, (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds));

    // Remembers when the Lease's record last changed, by this instance's monotonic clock (as client-go does, so
    // clock skew between instances does not matter).
    private void Observe(V1Lease lease)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastContact, now);
        var spec = lease.Spec;
        var record = $"{spec?.HolderIdentity}|{spec?.RenewTime?.Ticks}|{spec?.AcquireTime?.Ticks}|{spec?.LeaseTransitions}|{spec?.LeaseDurationSeconds}";
        if (record != _observedRecord)
        {
            _observedRecord = record;
            Interlocked.Exchange(ref _observedAt, now);
        }
    }

    private void BeginTerm()
    {
        // Reported before the term is handed out, so whoever reconciles in it already sees leader_election_master_status 1.
        _metrics.LeaderChanged(_options.LeaseName, leading: true);
        lock (_gate)
        {
            _term = new CancellationTokenSource();
            _isLeader = true;
            _leadership.TrySetResult(_term.Token);
        }

        LeaderElectionLog.BecameLeader(_logger, Identity, _options.LeaseNamespace, _options.LeaseName);
        LeadershipChanged?.Invoke(this, true);
    }

    private void EndTerm(string reason)
    {
        CancellationTokenSource? term;
        lock (_gate)
        {
            if (!_isLeader)
            {
                return;
            }

            _isLeader = false;
            term = _term;
            _term = null;
            _leadership = NewLeadershipSource();
        }

        LeaderElectionLog.LostLeadership(_logger, Identity, _options.LeaseNamespace, _options.LeaseName, reason);
        term?.Cancel();
        term?.Dispose();
        _metrics.LeaderChanged(_options.LeaseName, leading: false);
        LeadershipChanged?.Invoke(this, false);
    }

    // client-go's ReleaseOnCancel: an empty holder with a 1 s lease, which any standby may take at once.
    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RenewDeadline);
        try
        {
            var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            var now = DateTime.UtcNow;
            lease.Spec = new V1LeaseSpec
            {
                HolderIdentity = "",
                LeaseDurationSeconds = 1,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = lease.Spec.LeaseTransitions,
            };
            await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, _options.LeaseName, _options.LeaseNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
            LeaderElectionLog.Released(_logger, Identity, _options.LeaseNamespace, _options.LeaseName);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException or IOException)
        {
            LeaderElectionLog.ReleaseFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
        }
    }
}
