using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>The typed client of a cluster-scoped kind: every verb, with no namespace. Each generated <c>{Kind}Client</c> of a cluster-scoped kind without a status subresource is one.</summary>
/// <typeparam name="T">The kind.</typeparam>
/// <typeparam name="TList">The kind's list type.</typeparam>
public abstract class ClusterResourceClient<T, TList> : KubernetesResourceClient<T, TList>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IKubernetesObject<V1ListMeta>
{
    /// <summary>Creates the client.</summary>
    /// <param name="kubernetes">A KubernetesClient client; it must be a <see cref="Kubernetes"/> (as <c>new Kubernetes(config)</c> makes).</param>
    /// <param name="resource">Where the kind lives in the API.</param>
    /// <param name="type">JSON metadata of the kind.</param>
    /// <param name="listType">JSON metadata of its list.</param>
    protected ClusterResourceClient(IKubernetes kubernetes, ResourceDescriptor resource, JsonTypeInfo<T> type, JsonTypeInfo<TList> listType)
        : base(kubernetes, resource, type, listType)
    {
    }

    /// <summary>Reads one object.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="KubernetesNotFoundException">It does not exist.</exception>
    public Task<T> GetAsync(string name, CancellationToken cancellationToken = default) =>
        GetCoreAsync(null, name, null, cancellationToken);

    /// <summary>Reads one page of objects.</summary>
    /// <param name="options">Selectors, page size, continue token, resourceVersion.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TList> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListCoreAsync(null, options, cancellationToken);

    /// <summary>Reads every object as an async stream, page by page.</summary>
    /// <param name="options">Selectors and page size (Limit, 500 by default).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public IAsyncEnumerable<T> ListAllAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAllCoreAsync(null, options, cancellationToken);

    /// <summary>Watches objects: typed events that resume after cuts and relist after 410 Gone, until cancelled.</summary>
    /// <param name="options">Selectors, the resourceVersion to start after, bookmarks, retry delays.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public IAsyncEnumerable<WatchEvent<T>> WatchAsync(WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        WatchCoreAsync(null, options, cancellationToken);

    /// <summary>Creates an object.</summary>
    /// <param name="value">The object.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> CreateAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(null, value, options, cancellationToken);

    /// <summary>Replaces an object; its metadata.resourceVersion must be current (else a conflict).</summary>
    /// <param name="value">The object.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ReplaceAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceCoreAsync(null, value, null, options, cancellationToken);

    /// <summary>Patches an object with a merge patch, a JSON patch or an apply configuration, given as JSON.</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The patch format.</param>
    /// <param name="patch">The patch document.</param>
    /// <param name="options">Field manager, force, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchAsync(string name, PatchFormat format, string patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(null, name, format, patch, null, options, cancellationToken);

    /// <summary>
    /// Patches an object with a typed patch: only the fields it sets are sent. A merge patch replaces a list whole
    /// (custom resources have no strategic merge), so one that holds a list is refused unless options.ReplaceLists is
    /// set: use ApplyAsync to change some items of a list.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="patch">The fields to set.</param>
    /// <param name="format">Merge (default) or Apply.</param>
    /// <param name="options">Field manager, force, dry run, ReplaceLists.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchAsync(string name, T patch, PatchFormat format = PatchFormat.Merge, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(null, name, format, patch, null, options, cancellationToken);

    /// <summary>Server-side apply: the fields <paramref name="value"/> sets become owned by <paramref name="fieldManager"/>.</summary>
    /// <param name="value">The apply configuration: the object with only the fields this manager owns.</param>
    /// <param name="fieldManager">The field manager.</param>
    /// <param name="force">Take fields another manager owns instead of failing with a conflict.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ApplyAsync(T value, string fieldManager, bool force = false, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(null, RequireName(value), PatchFormat.Apply, value, null, new WriteOptions { FieldManager = fieldManager, Force = force }, cancellationToken);

    /// <summary>Deletes an object; returns it while finalizers or dependents keep it, or null once it is gone.</summary>
    /// <param name="name">The name.</param>
    /// <param name="options">Propagation, preconditions, grace period, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T?> DeleteAsync(string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteCoreAsync(null, name, options, cancellationToken);
}
