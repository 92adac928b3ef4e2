using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>The typed client of a namespaced kind: every verb, in the namespace it names (a created, replaced or applied object names its own in its metadata). Each generated <c>{Kind}Client</c> of a namespaced kind without a status subresource is one.</summary>
/// <typeparam name="T">The kind.</typeparam>
/// <typeparam name="TList">The kind's list type.</typeparam>
public abstract class NamespacedResourceClient<T, TList> : KubernetesResourceClient<T, TList>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IKubernetesObject<V1ListMeta>
{
    /// <summary>Creates the client.</summary>
    /// <param name="kubernetes">A KubernetesClient client; it must be a <see cref="Kubernetes"/> (as <c>new Kubernetes(config)</c> makes).</param>
    /// <param name="resource">Where the kind lives in the API.</param>
    /// <param name="type">JSON metadata of the kind.</param>
    /// <param name="listType">JSON metadata of its list.</param>
    protected NamespacedResourceClient(IKubernetes kubernetes, ResourceDescriptor resource, JsonTypeInfo<T> type, JsonTypeInfo<TList> listType)
        : base(kubernetes, resource, type, listType)
    {
    }

    /// <summary>Reads one object.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="KubernetesNotFoundException">It does not exist.</exception>
    public Task<T> GetAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        GetCoreAsync(@namespace, name, null, cancellationToken);

    /// <summary>Reads one page of objects.</summary>
    /// <param name="namespace">The namespace; null for all namespaces.</param>
    /// <param name="options">Selectors, page size, continue token, resourceVersion.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TList> ListAsync(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListCoreAsync(@namespace, options, cancellationToken);

    /// <summary>Reads every object as an async stream, page by page.</summary>
    /// <param name="namespace">The namespace; null for all namespaces.</param>
    /// <param name="options">Selectors and page size (Limit, 500 by default).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public IAsyncEnumerable<T> ListAllAsync(string? @namespace = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAllCoreAsync(@namespace, options, cancellationToken);

    /// <summary>Watches objects: typed events that resume after cuts and relist after 410 Gone, until cancelled.</summary>
    /// <param name="namespace">The namespace; null for all namespaces.</param>
    /// <param name="options">Selectors, the resourceVersion to start after, bookmarks, retry delays.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? @namespace = null, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        WatchCoreAsync(@namespace, options, cancellationToken);

    /// <summary>Creates an object in the namespace its metadata names.</summary>
    /// <param name="value">The object.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> CreateAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(RequireNamespace(value), value, options, cancellationToken);

    /// <summary>Replaces an object; its metadata.resourceVersion must be current (else a conflict).</summary>
    /// <param name="value">The object.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ReplaceAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceCoreAsync(RequireNamespace(value), value, null, options, cancellationToken);

    /// <summary>Patches an object with a merge patch, a JSON patch or an apply configuration, given as JSON.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The name.</param>
    /// <param name="format">The patch format.</param>
    /// <param name="patch">The patch document.</param>
    /// <param name="options">Field manager, force, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchAsync(string @namespace, string name, PatchFormat format, string patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(@namespace, name, format, patch, null, options, cancellationToken);

    /// <summary>
    /// Patches an object with a typed patch: only the fields it sets are sent. A merge patch replaces a list whole
    /// (custom resources have no strategic merge), so one that holds a list is refused unless options.ReplaceLists is
    /// set: use ApplyAsync to change some items of a list.
    /// </summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The name.</param>
    /// <param name="patch">The fields to set.</param>
    /// <param name="format">Merge (default) or Apply.</param>
    /// <param name="options">Field manager, force, dry run, ReplaceLists.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchAsync(string @namespace, string name, T patch, PatchFormat format = PatchFormat.Merge, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(@namespace, name, format, patch, null, options, cancellationToken);

    /// <summary>Server-side apply: the fields <paramref name="value"/> sets become owned by <paramref name="fieldManager"/>.</summary>
    /// <param name="value">The apply configuration: the object with only the fields this manager owns.</param>
    /// <param name="fieldManager">The field manager.</param>
    /// <param name="force">Take fields another manager owns instead of failing with a conflict.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ApplyAsync(T value, string fieldManager, bool force = false, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(RequireNamespace(value), RequireName(value), PatchFormat.Apply, value, null, new WriteOptions { FieldManager = fieldManager, Force = force }, cancellationToken);

    /// <summary>Deletes an object; returns it while finalizers or dependents keep it, or null once it is gone.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The name.</param>
    /// <param name="options">Propagation, preconditions, grace period, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T?> DeleteAsync(string @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteCoreAsync(@namespace, name, options, cancellationToken);

    /// <summary>The namespace <paramref name="value"/>'s metadata names.</summary>
    /// <param name="value">The object.</param>
    /// <exception cref="ArgumentException">It names none.</exception>
    protected string RequireNamespace(T value) =>
        value?.Metadata?.NamespaceProperty ?? throw new ArgumentException(Resource.Kind + " is namespaced: set metadata.namespace.", nameof(value));
}
