using CapiSdk.Client;
using CapiSdk.Models;

namespace CapiSdk.Status;

/// <summary>
/// A kind whose status has conditions (<c>status.conditions</c> of its own API version): every Cluster API and IPAM
/// kind-version that has them implements this, so <see cref="StatusExtensions"/> reads the conditions of any of them.
/// </summary>
public interface IHasConditions : k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
{
    /// <summary><c>status.conditions</c>, or null when the object has no status or no conditions yet.</summary>
    IEnumerable<IKubernetesCondition>? Conditions { get; }
}
