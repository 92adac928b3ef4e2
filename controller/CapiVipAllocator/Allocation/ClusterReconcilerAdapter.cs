using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Allocation;

/// <summary>The runtime's reconciler interface for the Cluster type of the served version, over <see cref="VipReconciler"/>.</summary>
/// <typeparam name="T">The Cluster type.</typeparam>
internal sealed class ClusterReconcilerAdapter<T>(VipReconciler reconciler) : IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc/>
    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
        reconciler.ReconcileAsync(request, cancellationToken);
}
