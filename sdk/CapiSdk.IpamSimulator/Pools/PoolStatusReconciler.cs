using System.Globalization;
using CapiSdk.Client;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Events;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;

namespace CapiSdk.IpamSimulator.Pools;

/// <summary>
/// Keeps a pool's <c>status.ipAddresses</c> current (the real provider's pool reconciler), for either pool kind.
/// A pool whose spec cannot be used gets a Warning Event <c>InvalidPool</c> naming the field and value (there is no
/// admission webhook here to reject it), and its status is left as it was.
/// </summary>
/// <typeparam name="TPool">InClusterIPPool or GlobalInClusterIPPool.</typeparam>
internal sealed class PoolStatusReconciler<TPool> : IReconciler<TPool>
    where TPool : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IReadOnlyStore<TPool> _pools;
    private readonly Func<TPool, PoolDefinition> _describe;
    private readonly Func<TPool, PoolUsage?> _currentUsage;
    private readonly Func<string?, string, string, CancellationToken, Task> _patchStatus;
    private readonly PoolCatalog _catalog;
    private readonly IEventRecorder? _events;

    public PoolStatusReconciler(
        IReadOnlyStore<TPool> pools,
        Func<TPool, PoolDefinition> describe,
        Func<TPool, PoolUsage?> currentUsage,
        Func<string?, string, string, CancellationToken, Task> patchStatus,
        PoolCatalog catalog,
        IEventRecorder? events)
    {
        _pools = pools;
        _describe = describe;
        _currentUsage = currentUsage;
        _patchStatus = patchStatus;
        _catalog = catalog;
        _events = events;
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (_pools.Get(request.Namespace, request.Name) is not { } pool)
        {
            return ReconcileResult.Done;
        }

        var definition = _describe(pool);
        var space = PoolAddressSpace.Build(definition);
        if (space.Error is { } error)
        {
            _events?.Record(pool, EventType.Warning, "InvalidPool", error + ". Fix the spec: no address is handed out from this pool until then.", "Validate");
            return ReconcileResult.Done;
        }

        var usage = PoolUsage.Count(space, _catalog.AddressesOf(definition.Key));
        if (_currentUsage(pool) == usage)
        {
            return ReconcileResult.Done;
        }

        var patch = string.Create(CultureInfo.InvariantCulture,
            $"{{\"status\":{{\"ipAddresses\":{{\"total\":{usage.Total},\"used\":{usage.Used},\"free\":{usage.Free},\"outOfRange\":{usage.OutOfRange}}}}}}}");
        try
        {
            await _patchStatus(request.Namespace, request.Name, patch, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
            // Deleted meanwhile.
        }

        return ReconcileResult.Done;
    }
}
