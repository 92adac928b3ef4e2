using CapiSdk.Client;
using CapiSdk.Runtime.Informers;
using k8s;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Versions;

/// <summary>
/// Notices a change of the served API versions while the controller runs (a CRD upgrade that adds or stops serving
/// a version). The API server publishes no discovery events: its discovery documents are rebuilt from the CRDs
/// (apiextensions-apiserver's DiscoveryController, fed by a CRD informer), so the CRDs are what to watch. One
/// informer on CustomResourceDefinitions; on every change the newest served version of each kind is computed from
/// the CRDs (<see cref="ServedVersions.FromCrds"/>) and, when it differs from the versions in use, the callback
/// given to <see cref="Expect"/> runs once. Without permission to list CRDs it warns and watches nothing.
/// </summary>
internal sealed partial class ServedVersionWatch(IKubernetes kubernetes, ILoggerFactory loggerFactory, TimeProvider time)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ServedVersionWatch>();
    private readonly Lock _gate = new();
    private SharedInformer<CrdSummary>? _crds;
    private ServedVersions? _inUse;
    private Action? _changed;

    /// <summary>The versions the CRDs say are served (null before the CRD cache synced, or without CRD access).</summary>
    public ServedVersions? Expected => _crds is { HasSynced: true } crds ? ServedVersions.FromCrds(name => crds.Get(null, name)) : null;

    /// <summary>Watches CRDs until <paramref name="cancellationToken"/> is cancelled; returns when the watch ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var client = new CrdSummaryClient(kubernetes);
        try
        {
            await client.ListAsync(new ListOptions { Limit = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesForbiddenException e)
        {
            NoCrdAccess(_logger, e.Message);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or KubernetesApiException && !cancellationToken.IsCancellationRequested)
        {
            // The informer retries with backoff.
        }

        var informers = new InformerFactory(new InformerOptions(), loggerFactory, time);
        var crds = informers.GetOrCreate(client);
        crds.AddEventHandler(_ => Check(), (_, _) => Check(), _ => Check());
        _crds = crds;
        var running = informers.RunAsync(cancellationToken);
        try
        {
            await crds.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
            Check();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Sets the versions in use; <paramref name="changed"/> runs once when the CRDs' served versions differ from them.</summary>
    public void Expect(ServedVersions inUse, Action changed)
    {
        lock (_gate)
        {
            _inUse = inUse;
            _changed = changed;
        }

        Check();
    }

    private void Check()
    {
        if (Expected is not { } expected)
        {
            return;
        }

        Action? changed;
        ServedVersions? inUse;
        lock (_gate)
        {
            if (_inUse is null || expected == _inUse)
            {
                return;
            }

            (changed, inUse, _changed) = (_changed, _inUse, null);
        }

        if (changed is not null)
        {
            VersionsChanged(_logger, inUse.ToString(), expected.ToString());
            changed();
        }
    }

    [LoggerMessage(40, LogLevel.Warning, "served API versions changed: the CRDs now serve {Expected} (in use: {InUse}); restarting the informers and controllers in the new versions")]
    private static partial void VersionsChanged(ILogger logger, string inUse, string expected);

    [LoggerMessage(41, LogLevel.Warning, "cannot list CustomResourceDefinitions ({Error}): a Cluster API or IPAM upgrade that changes the served versions is noticed only at the next start; grant get, list and watch on customresourcedefinitions.apiextensions.k8s.io (the deployed ClusterRole does)")]
    private static partial void NoCrdAccess(ILogger logger, string error);
}
