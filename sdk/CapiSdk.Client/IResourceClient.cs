using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>
/// What every generated typed client offers whatever its kind's scope, for code that works on any kind
/// (informers, controllers). A null namespace means all namespaces (or none, for cluster-scoped kinds).
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
public interface IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Where the kind lives in the API.</summary>
    ResourceDescriptor Resource { get; }

    /// <summary>Reads one object.</summary>
    /// <param name="namespace">The namespace, or null for a cluster-scoped kind.</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<T> GetAsync(string? @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Reads every object, page by page.</summary>
    /// <param name="namespace">The namespace, or null for all.</param>
    /// <param name="options">Selectors and page size.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    IAsyncEnumerable<T> ListAllAsync(string? @namespace, ListOptions? options, CancellationToken cancellationToken);

    /// <summary>Watches objects; see the generated clients' <c>WatchAsync</c>.</summary>
    /// <param name="namespace">The namespace, or null for all.</param>
    /// <param name="options">Selectors, starting resourceVersion, bookmarks, retry delays.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? @namespace, WatchOptions? options, CancellationToken cancellationToken);
}
