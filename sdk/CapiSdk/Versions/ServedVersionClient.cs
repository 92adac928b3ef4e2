using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CapiSdk.Client;
using CapiSdk.Models;
using k8s;
using k8s.Models;

namespace CapiSdk.Versions;

/// <summary>
/// A typed client for one model type (<typeparamref name="T"/>, say the v1beta2 IPAddressClaim) that talks to the
/// API through another served version of the same kind (say v1beta1), for kinds whose versions share their field
/// names, as the IPAM kinds do. Objects read are the served version's JSON read into <typeparamref name="T"/>
/// (their <c>apiVersion</c> says which version they came from; fields <typeparamref name="T"/> does not declare are
/// kept). Objects written get the served <c>apiVersion</c> and lose the fields that version does not have (for
/// example <c>spec.clusterName</c>, which IPAddressClaim v1alpha1 lacks). It converts nothing else: conditions stay
/// where the served version keeps them. <see cref="IpamApiVersions"/> picks the versions.
/// </summary>
/// <typeparam name="T">The model type used in code.</typeparam>
/// <typeparam name="TList">Its list type.</typeparam>
public sealed class ServedVersionClient<T, TList> : KubernetesResourceClient<T, TList>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IKubernetesObject<V1ListMeta>
{
    private readonly JsonTypeInfo<T> _type;
    private readonly string[][] _absent;

    /// <summary>Creates the client.</summary>
    /// <param name="kubernetes">A <see cref="k8s.Kubernetes"/> client.</param>
    /// <param name="served">The served version's resource (a generated client's <c>Descriptor</c>).</param>
    /// <param name="absentFields">Dotted paths the served version does not have (<c>spec.clusterName</c>); removed before a write.</param>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> or <typeparamref name="TList"/> is not a CapiSdk model.</exception>
    public ServedVersionClient(IKubernetes kubernetes, ResourceDescriptor served, IEnumerable<string>? absentFields = null)
        : base(kubernetes, served, TypeInfo<T>(), TypeInfo<TList>())
    {
        _type = TypeInfo<T>();
        AbsentFields = [.. absentFields ?? []];
        _absent = [.. AbsentFields.Select(p => p.Split('.'))];
    }

    /// <summary>The fields dropped before a write because the served version does not have them.</summary>
    public IReadOnlyList<string> AbsentFields { get; }

    /// <summary>Reads one object.</summary>
    /// <param name="namespace">The namespace; null for a cluster-scoped kind.</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        GetCoreAsync(@namespace, name, null, cancellationToken);

    /// <summary>Reads one page of objects.</summary>
    /// <param name="namespace">The namespace; null for all (or a cluster-scoped kind).</param>
    /// <param name="options">Selectors and page size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TList> ListAsync(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListCoreAsync(@namespace, options, cancellationToken);

    /// <summary>Creates an object (in the served version).</summary>
    /// <param name="value">The object; it is not changed.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> CreateAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(Namespace(value), Served(value), options, cancellationToken);

    /// <summary>Replaces an object; its resourceVersion must be current.</summary>
    /// <param name="value">The object; it is not changed.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ReplaceAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceCoreAsync(Namespace(value), Served(value), null, options, cancellationToken);

    /// <summary>Replaces an object's status; its resourceVersion must be current.</summary>
    /// <param name="value">The object; it is not changed.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ReplaceStatusAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceCoreAsync(Namespace(value), Served(value), "status", options, cancellationToken);

    /// <summary>Patches an object with a JSON patch document (written for the served version).</summary>
    /// <param name="namespace">The namespace; null for a cluster-scoped kind.</param>
    /// <param name="name">The name.</param>
    /// <param name="format">The patch format.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="options">Field manager, force, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchAsync(string? @namespace, string name, PatchFormat format, string patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(@namespace, name, format, patch, null, options, cancellationToken);

    /// <summary>Patches an object's status with a JSON patch document (written for the served version).</summary>
    /// <param name="namespace">The namespace; null for a cluster-scoped kind.</param>
    /// <param name="name">The name.</param>
    /// <param name="format">The patch format.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="options">Field manager, force, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchStatusAsync(string? @namespace, string name, PatchFormat format, string patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(@namespace, name, format, patch, "status", options, cancellationToken);

    /// <summary>Deletes an object; returns it while finalizers keep it, or null once it is gone.</summary>
    /// <param name="namespace">The namespace; null for a cluster-scoped kind.</param>
    /// <param name="name">The name.</param>
    /// <param name="options">Preconditions, propagation.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T?> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteCoreAsync(@namespace, name, options, cancellationToken);

    private string? Namespace(T value) => Resource.Namespaced ? value.Metadata?.NamespaceProperty : null;

    private T Served(T value)
    {
        if (value.ApiVersion == Resource.ApiVersion && _absent.Length == 0)
        {
            return value;
        }

        var json = JsonSerializer.SerializeToNode(value, _type)!.AsObject();
        json["apiVersion"] = Resource.ApiVersion;
        foreach (var path in _absent)
        {
            var parent = json;
            for (var i = 0; i < path.Length - 1 && parent is not null; i++)
            {
                parent = parent[path[i]] as JsonObject;
            }

            parent?.Remove(path[^1]);
        }

        return json.Deserialize(_type)!;
    }

    private static JsonTypeInfo<TModel> TypeInfo<TModel>() =>
        CrdJsonContext.Default.GetTypeInfo(typeof(TModel)) as JsonTypeInfo<TModel>
            ?? throw new ArgumentException($"{typeof(TModel)} is not a CapiSdk model (CapiSdk.Models.CrdJsonContext has no metadata for it).");
}
