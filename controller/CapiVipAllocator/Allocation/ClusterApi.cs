using CapiSdk.Client;
using CapiSdk.Runtime.Informers;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Allocation;

/// <summary><see cref="IClusterApi"/> over one Cluster API version's typed client and informer.</summary>
/// <typeparam name="T">The Cluster type of that version.</typeparam>
internal sealed class ClusterApi<T> : IClusterApi
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly SharedInformer<T> _cache;
    private readonly Func<T, ClusterFacts> _read;
    private readonly Func<string, string, CancellationToken, Task<T>> _get;
    private readonly Func<string, string, string, string?, WriteOptions, CancellationToken, Task<T>> _patch;
    private static readonly WriteOptions Apply = new() { FieldManager = Names.FieldManager, Force = true };

    /// <summary>Creates the adapter.</summary>
    /// <param name="apiVersion">The apiVersion of apply bodies.</param>
    /// <param name="conditionsUnderV1Beta2">True for v1beta1.</param>
    /// <param name="cache">The Cluster informer.</param>
    /// <param name="read">Reads facts from a Cluster.</param>
    /// <param name="get">Typed GET (namespace, name).</param>
    /// <param name="patch">Typed apply patch (namespace, name, body, subresource, options).</param>
    public ClusterApi(
        string apiVersion,
        bool conditionsUnderV1Beta2,
        SharedInformer<T> cache,
        Func<T, ClusterFacts> read,
        Func<string, string, CancellationToken, Task<T>> get,
        Func<string, string, string, string?, WriteOptions, CancellationToken, Task<T>> patch)
    {
        ApiVersion = apiVersion;
        ConditionsUnderV1Beta2 = conditionsUnderV1Beta2;
        _cache = cache;
        _read = read;
        _get = get;
        _patch = patch;
    }

    /// <inheritdoc/>
    public string ApiVersion { get; }

    /// <inheritdoc/>
    public bool ConditionsUnderV1Beta2 { get; }

    /// <inheritdoc/>
    public ClusterFacts? Cached(string @namespace, string name) => _cache.Get(@namespace, name) is { } cluster ? _read(cluster) : null;

    /// <inheritdoc/>
    public IEnumerable<ClusterFacts> CachedAll() => _cache.List().Select(_read);

    /// <inheritdoc/>
    public async Task<ClusterFacts?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return _read(await _get(@namespace, name, cancellationToken).ConfigureAwait(false));
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<ClusterFacts> ApplyAsync(string @namespace, string name, string body, CancellationToken cancellationToken) =>
        _read(await _patch(@namespace, name, body, null, Apply, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<ClusterFacts> ApplyStatusAsync(string @namespace, string name, string body, CancellationToken cancellationToken) =>
        _read(await _patch(@namespace, name, body, "status", Apply, cancellationToken).ConfigureAwait(false));
}
