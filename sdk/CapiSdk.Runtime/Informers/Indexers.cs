using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Informers;

/// <summary>The built-in indexes every <see cref="SharedInformer{T}"/> keeps, and their functions.</summary>
public static class Indexers
{
    /// <summary>Index name: objects by namespace.</summary>
    public const string ByNamespace = "namespace";

    /// <summary>Index name: objects by the UID of each owner in their ownerReferences.</summary>
    public const string ByOwnerUid = "owner-uid";

    /// <summary>Index name: objects by each label, as <c>key=value</c>.</summary>
    public const string ByLabel = "label";

    /// <summary>The namespace of an object (none when cluster-scoped).</summary>
    /// <param name="value">The object.</param>
    /// <returns>The values to index.</returns>
    public static IEnumerable<string> Namespace(IKubernetesObject<V1ObjectMeta> value) =>
        string.IsNullOrEmpty(value?.Metadata?.NamespaceProperty) ? [] : [value.Metadata.NamespaceProperty];

    /// <summary>The owner UIDs of an object.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The values to index.</returns>
    public static IEnumerable<string> OwnerUids(IKubernetesObject<V1ObjectMeta> value) =>
        value?.Metadata?.OwnerReferences is { } references ? references.Where(r => !string.IsNullOrEmpty(r.Uid)).Select(r => r.Uid) : [];

    /// <summary>The labels of an object, as <c>key=value</c>.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The values to index.</returns>
    public static IEnumerable<string> Labels(IKubernetesObject<V1ObjectMeta> value) =>
        value?.Metadata?.Labels is { } labels ? labels.Select(l => l.Key + "=" + l.Value) : [];
}
