using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Controllers;

/// <summary>
/// The one thing a controller author writes: read the object's state (from the informer cache), decide, and
/// act idempotently. Called with one key at a time per object, never twice at once for the same object.
/// Throwing is a failure: it is logged and retried with backoff.
/// </summary>
/// <typeparam name="T">The primary kind.</typeparam>
public interface IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Brings the world in line with the object named by <paramref name="request"/> (which may no longer exist).</summary>
    /// <param name="request">The object's namespace and name.</param>
    /// <param name="cancellationToken">Cancelled when the controller stops (shutdown or lost leadership).</param>
    /// <returns>Whether and when to run again.</returns>
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);
}
