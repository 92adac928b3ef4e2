using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Queue;

/// <summary>The key of a work item: which object to reconcile, by namespace and name.</summary>
/// <param name="Namespace">The namespace, or null for a cluster-scoped object.</param>
/// <param name="Name">The name.</param>
public readonly record struct ReconcileRequest(string? Namespace, string Name)
{
    /// <summary>The request for an object.</summary>
    /// <param name="value">The object; it must have a name.</param>
    /// <returns>Its namespace and name.</returns>
    public static ReconcileRequest For(IKubernetesObject<V1ObjectMeta> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.Metadata?.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(value));
        return new ReconcileRequest(string.IsNullOrEmpty(value.Metadata.NamespaceProperty) ? null : value.Metadata.NamespaceProperty, name);
    }

    /// <summary>
    /// The namespace, for a namespaced kind's reconciler (<c>clusters.GetAsync(request.RequiredNamespace, request.Name)</c>),
    /// where <see cref="Namespace"/> is never null.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request is for a cluster-scoped object, which has no namespace.</exception>
    public string RequiredNamespace => Namespace
        ?? throw new InvalidOperationException($"The reconcile request for '{Name}' has no namespace: the object is cluster-scoped, so use Name alone (RequiredNamespace is for namespaced kinds).");

    /// <summary>The cache key of the object: <c>namespace/name</c>, or <c>name</c> for a cluster-scoped object.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Namespace is null ? Name : Namespace + "/" + Name;
}
