using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>The typed client of a namespaced kind with a status subresource: every verb, and the status verbs. Each generated <c>{Kind}Client</c> of such a kind is one.</summary>
/// <typeparam name="T">The kind.</typeparam>
/// <typeparam name="TList">The kind's list type.</typeparam>
public abstract class NamespacedStatusResourceClient<T, TList> : NamespacedResourceClient<T, TList>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IKubernetesObject<V1ListMeta>
{
    /// <summary>Creates the client.</summary>
    /// <param name="kubernetes">A KubernetesClient client; it must be a <see cref="Kubernetes"/> (as <c>new Kubernetes(config)</c> makes).</param>
    /// <param name="resource">Where the kind lives in the API.</param>
    /// <param name="type">JSON metadata of the kind.</param>
    /// <param name="listType">JSON metadata of its list.</param>
    protected NamespacedStatusResourceClient(IKubernetes kubernetes, ResourceDescriptor resource, JsonTypeInfo<T> type, JsonTypeInfo<TList> listType)
        : base(kubernetes, resource, type, listType)
    {
    }

    /// <summary>Reads an object through its status subresource.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> GetStatusAsync(string @namespace, string name, CancellationToken cancellationToken = default) =>
        GetCoreAsync(@namespace, name, "status", cancellationToken);

    /// <summary>Replaces an object's status (only status changes); its resourceVersion must be current.</summary>
    /// <param name="value">The object with the new status.</param>
    /// <param name="options">Field manager, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ReplaceStatusAsync(T value, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceCoreAsync(RequireNamespace(value), value, "status", options, cancellationToken);

    /// <summary>Patches an object's status with a patch given as JSON.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The name.</param>
    /// <param name="format">The patch format.</param>
    /// <param name="patch">The patch document.</param>
    /// <param name="options">Field manager, force, dry run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> PatchStatusAsync(string @namespace, string name, PatchFormat format, string patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(@namespace, name, format, patch, "status", options, cancellationToken);

    /// <summary>Server-side apply of an object's status.</summary>
    /// <param name="value">The object with the status fields this manager owns.</param>
    /// <param name="fieldManager">The field manager.</param>
    /// <param name="force">Take fields another manager owns.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<T> ApplyStatusAsync(T value, string fieldManager, bool force = false, CancellationToken cancellationToken = default) =>
        PatchCoreAsync(RequireNamespace(value), RequireName(value), PatchFormat.Apply, value, "status", new WriteOptions { FieldManager = fieldManager, Force = force }, cancellationToken);
}
