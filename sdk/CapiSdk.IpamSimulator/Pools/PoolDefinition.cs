using k8s;
using k8s.Models;

namespace CapiSdk.IpamSimulator.Pools;

/// <summary>What the simulator reads from either pool kind (both share the v1alpha2 spec).</summary>
/// <param name="Key">Which pool.</param>
/// <param name="Object">The pool object itself (for owner references and events).</param>
/// <param name="Addresses"><c>spec.addresses</c>.</param>
/// <param name="Prefix"><c>spec.prefix</c>.</param>
/// <param name="Gateway"><c>spec.gateway</c>.</param>
/// <param name="ExcludedAddresses"><c>spec.excludedAddresses</c>.</param>
/// <param name="AllocateReservedIPAddresses"><c>spec.allocateReservedIPAddresses</c>.</param>
internal sealed record PoolDefinition(
    PoolKey Key,
    IKubernetesObject<V1ObjectMeta> Object,
    IReadOnlyList<string> Addresses,
    long? Prefix,
    string? Gateway,
    IReadOnlyList<string> ExcludedAddresses,
    bool AllocateReservedIPAddresses)
{
    /// <summary>True when the pool carries the <c>cluster.x-k8s.io/paused</c> annotation (any value), as Cluster API's <c>annotations.HasPaused</c> checks.</summary>
    public bool Paused => Object.Metadata.Annotations?.ContainsKey(IpamConstants.PausedAnnotation) == true;
}
