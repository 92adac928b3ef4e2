using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Informers;

/// <summary>
/// A read-only view of an informer's cache: what reconcilers read instead of the API server. Objects are
/// shared with the cache; treat them as immutable (copy before changing).
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
public interface IReadOnlyStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The number of objects cached.</summary>
    int Count { get; }

    /// <summary>An object by key (<c>namespace/name</c>, or <c>name</c> when cluster-scoped).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The object, or null.</returns>
    T? Get(string key);

    /// <summary>An object by namespace and name.</summary>
    /// <param name="namespace">The namespace, or null for a cluster-scoped object.</param>
    /// <param name="name">The name.</param>
    /// <returns>The object, or null.</returns>
    T? Get(string? @namespace, string name);

    /// <summary>Every cached object (a snapshot).</summary>
    /// <returns>The objects.</returns>
    IReadOnlyList<T> List();

    /// <summary>The objects an index maps a value to (a snapshot), such as every object owned by a UID.</summary>
    /// <param name="indexName">The index, such as <see cref="Indexers.ByOwnerUid"/>.</param>
    /// <param name="value">The indexed value.</param>
    /// <returns>The objects; empty when none.</returns>
    /// <exception cref="ArgumentException">There is no index of that name.</exception>
    IReadOnlyList<T> ByIndex(string indexName, string value);
}
