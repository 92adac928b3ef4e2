using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Runtime.Events;
using CapiSdk.Versions;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.IpamSimulator;

/// <summary>
/// A simulator of the Cluster API in-cluster IPAM provider, running in this process and working only through the
/// Kubernetes API, so it serves any API server (CapiSdk.Testing's, or a real cluster's): for each IPAddressClaim on
/// an InClusterIPPool or GlobalInClusterIPPool it creates an IPAddress with the pool's lowest free address, sets the
/// claim's <c>status.addressRef</c> and Ready condition, and releases the address when the claim goes; it keeps the
/// pools' <c>status.ipAddresses</c> current. See the package README for the rules and what is simplified.
/// </summary>
/// <example>
/// <code>
/// await using var ipam = await IpamSimulator.StartAsync(kubernetes, new IpamSimulatorOptions { AllocationLatency = TimeSpan.FromMilliseconds(50) }, ct);
/// </code>
/// </example>
public sealed class IpamSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private readonly EventRecorder? _events;
    private int _disposed;

    private IpamSimulator(CancellationTokenSource stop, Task running, EventRecorder? events, bool checksClusters, IpamApiVersions versions)
    {
        _stop = stop;
        _running = running;
        _events = events;
        ChecksClusters = checksClusters;
        Versions = versions;
    }

    /// <summary>
    /// True when the server serves cluster.x-k8s.io Clusters (v1beta2, else v1beta1), so claims of paused Clusters
    /// are held back; false when it does not (then a claim's <c>spec.clusterName</c> is not checked).
    /// </summary>
    public bool ChecksClusters { get; }

    /// <summary>The ipam.cluster.x-k8s.io versions the simulator reads and writes: the newest the server serves.</summary>
    public IpamApiVersions Versions { get; }

    /// <summary>
    /// Starts the simulator and returns once its caches have synced, so every claim created afterwards is answered.
    /// Claims that exist already are reconciled right away.
    /// </summary>
    /// <param name="kubernetes">A client for the API server; the IPAM CRDs (ipam.cluster.x-k8s.io) must be served.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start (not the running simulator: dispose it to stop).</param>
    /// <returns>The running simulator; dispose it to stop.</returns>
    /// <exception cref="InvalidOperationException">The server serves no version of an IPAM kind the simulator needs (the message names them).</exception>
    public static async Task<IpamSimulator> StartAsync(IKubernetes kubernetes, IpamSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        options ??= new IpamSimulatorOptions();
        options.Validate();
        var versions = await IpamApiVersions.DiscoverAsync(kubernetes, options.Namespace, cancellationToken).ConfigureAwait(false);
        var clusterVersion =
            await ServesAsync(() => new V1Beta2.ClusterClient(kubernetes).ListAsync(options.Namespace, new ListOptions { Limit = 1 }, cancellationToken)).ConfigureAwait(false) ? "v1beta2"
            : await ServesAsync(() => new V1Beta1.ClusterClient(kubernetes).ListAsync(options.Namespace, new ListOptions { Limit = 1 }, cancellationToken)).ConfigureAwait(false) ? "v1beta1"
            : null;
        var checkClusters = clusterVersion is not null;
        var events = options.RecordEvents
            ? new EventRecorder(kubernetes, new EventRecorderOptions { Component = options.EventComponent }, options.LoggerFactory?.CreateLogger<EventRecorder>(), options.TimeProvider)
            : null;
        var (manager, informers) = SimulatorWiring.Build(kubernetes, options, versions, clusterVersion, events);
        var stop = new CancellationTokenSource();
        var running = Task.Run(() => manager.RunAsync(stop.Token), CancellationToken.None);
        var simulator = new IpamSimulator(stop, running, events, checkClusters, versions);
        try
        {
            var synced = informers.WaitForSyncAsync(cancellationToken);
            if (await Task.WhenAny(synced, running).ConfigureAwait(false) == running)
            {
                await running.ConfigureAwait(false);
                throw new InvalidOperationException("The IPAM simulator stopped while starting.");
            }

            await synced.ConfigureAwait(false);
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var logger = options.LoggerFactory?.CreateLogger("CapiSdk.IpamSimulator") ?? NullLogger.Instance;
        IpamSimulatorLog.Started(logger, options.Namespace is null ? "all namespaces" : "namespace " + options.Namespace, checkClusters ? "on" : "off (no cluster.x-k8s.io Clusters served)");
        return simulator;
    }

    /// <summary>Stops the simulator: reconciles in progress are cancelled and awaited, pending Events are written.</summary>
    /// <returns>A task that completes when everything stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_events is not null)
        {
            await _events.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static async Task<bool> ServesAsync(Func<Task> list)
    {
        try
        {
            await list().ConfigureAwait(false);
            return true;
        }
        catch (KubernetesNotFoundException)
        {
            return false;
        }
    }
}
