using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>
/// The typed client engine behind every generated <c>{Kind}Client</c>: HTTP to the API server through a
/// KubernetesClient <see cref="Kubernetes"/> (its base URI, credentials and TLS set-up), with
/// requests and responses read and written by the source-generated JSON metadata — no reflection.
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
/// <typeparam name="TList">The kind's list type.</typeparam>
public abstract partial class KubernetesResourceClient<T, TList> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IKubernetesObject<V1ListMeta>
{
    private const string JsonMediaType = "application/json";
    private readonly Kubernetes _kubernetes;
    private readonly JsonTypeInfo<T> _type;
    private readonly JsonTypeInfo<TList> _listType;

    /// <summary>Creates the client.</summary>
    /// <param name="kubernetes">A KubernetesClient client; it must be a <see cref="Kubernetes"/> (as <c>new Kubernetes(config)</c> makes).</param>
    /// <param name="resource">Where the kind lives in the API.</param>
    /// <param name="type">JSON metadata of the kind.</param>
    /// <param name="listType">JSON metadata of its list.</param>
    protected KubernetesResourceClient(
        IKubernetes kubernetes,
        ResourceDescriptor resource,
        JsonTypeInfo<T> type,
        JsonTypeInfo<TList> listType)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _kubernetes = kubernetes as Kubernetes
            ?? throw new ArgumentException("Typed clients send HTTP through a k8s.Kubernetes instance (new Kubernetes(config)); " + kubernetes.GetType() + " is not one.", nameof(kubernetes));
        Resource = resource;
        _type = type;
        _listType = listType;
    }

    /// <summary>Where the kind lives in the API.</summary>
    public ResourceDescriptor Resource { get; }

    /// <summary>The name <paramref name="value"/>'s metadata gives.</summary>
    /// <param name="value">The object.</param>
    /// <exception cref="ArgumentException">It gives none.</exception>
    protected static string RequireName(T value) =>
        value?.Metadata?.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(value));

    /// <inheritdoc/>
    IAsyncEnumerable<T> IResourceClient<T>.ListAllAsync(string? @namespace, ListOptions? options, CancellationToken cancellationToken) =>
        ListAllCoreAsync(@namespace, options, cancellationToken);

    /// <inheritdoc/>
    IAsyncEnumerable<WatchEvent<T>> IResourceClient<T>.WatchAsync(string? @namespace, WatchOptions? options, CancellationToken cancellationToken) =>
        WatchCoreAsync(@namespace, options, cancellationToken);

    /// <inheritdoc/>
    Task<T> IResourceClient<T>.GetAsync(string? @namespace, string name, CancellationToken cancellationToken) =>
        GetCoreAsync(@namespace, name, null, cancellationToken);

    /// <summary>Reads one object.</summary>
    /// <exception cref="KubernetesNotFoundException">It does not exist.</exception>
    protected Task<T> GetCoreAsync(string? @namespace, string name, string? subresource, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Resource.Path(@namespace, name, subresource), null, _type, cancellationToken);

    /// <summary>Reads one page of objects.</summary>
    protected Task<TList> ListCoreAsync(string? @namespace, ListOptions? options, CancellationToken cancellationToken)
    {
        var query = new Query()
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector)
            .Add("limit", options?.Limit?.ToString(CultureInfo.InvariantCulture))
            .Add("continue", options?.Continue)
            .Add("resourceVersion", options?.ResourceVersion)
            .Add("resourceVersionMatch", options?.ResourceVersionMatch);
        return SendAsync(HttpMethod.Get, Resource.Path(@namespace) + query, null, _listType, cancellationToken);
    }

    /// <summary>Reads every object, page by page (<paramref name="options"/>' Limit is the page size, 500 by default).</summary>
    protected async IAsyncEnumerable<T> ListAllCoreAsync(
        string? @namespace,
        ListOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = (options ?? new ListOptions()) with { Limit = options?.Limit ?? 500 };
        while (true)
        {
            var list = await ListCoreAsync(@namespace, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in list.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(list.Metadata?.ContinueProperty))
            {
                yield break;
            }

            page = page with { Continue = list.Metadata!.ContinueProperty, ResourceVersion = null, ResourceVersionMatch = null };
        }
    }

    /// <summary>Creates an object.</summary>
    /// <exception cref="KubernetesAlreadyExistsException">An object with that name exists.</exception>
    /// <exception cref="KubernetesInvalidException">It fails validation.</exception>
    protected Task<T> CreateCoreAsync(string? @namespace, T value, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SendAsync(HttpMethod.Post, Resource.Path(@namespace) + WriteQuery(options, patch: false), Json(value), _type, cancellationToken);
    }

    /// <summary>Replaces an object (or its status); its resourceVersion must be current.</summary>
    /// <exception cref="KubernetesConflictException">It changed since it was read.</exception>
    protected Task<T> ReplaceCoreAsync(string? @namespace, T value, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.Metadata?.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(value));
        return SendAsync(HttpMethod.Put, Resource.Path(@namespace, name, subresource) + WriteQuery(options, patch: false), Json(value), _type, cancellationToken);
    }

    /// <summary>Patches an object (or its status) with a patch document already in JSON.</summary>
    protected Task<T> PatchCoreAsync(string? @namespace, string name, PatchFormat format, string patch, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        if (format == PatchFormat.Apply && string.IsNullOrEmpty(options?.FieldManager))
        {
            throw new ArgumentException("Server-side apply needs a field manager: set WriteOptions.FieldManager.", nameof(options));
        }

        var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(format switch
        {
            PatchFormat.Json => "application/json-patch+json",
            PatchFormat.Apply => "application/apply-patch+yaml",
            _ => "application/merge-patch+json",
        });
        return SendAsync(HttpMethod.Patch, Resource.Path(@namespace, name, subresource) + WriteQuery(options, patch: true), content, _type, cancellationToken);
    }

    /// <summary>
    /// Patches with a typed object: only the fields it sets are in the patch. A merge patch that holds a list is
    /// refused unless <see cref="WriteOptions.ReplaceLists"/> says to replace it (see <see cref="MergePatchLists"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A merge patch holds a list and <see cref="WriteOptions.ReplaceLists"/> is not set, or the format is <see cref="PatchFormat.Json"/>.</exception>
    protected Task<T> PatchCoreAsync(string? @namespace, string name, PatchFormat format, T patch, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (format == PatchFormat.Json)
        {
            throw new ArgumentException("A JSON patch is a list of operations, not an object: pass it as a string with PatchFormat.Json, or send the typed object as PatchFormat.Merge or PatchFormat.Apply.", nameof(format));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(patch, _type);
        if (format == PatchFormat.Merge && options?.ReplaceLists != true)
        {
            MergePatchLists.ThrowIfAny(json, Resource.Kind);
        }

        return PatchCoreAsync(@namespace, name, format, Encoding.UTF8.GetString(json), subresource, options, cancellationToken);
    }

    /// <summary>Deletes an object; returns it while finalizers or dependents keep it, or null once it is gone.</summary>
    /// <exception cref="KubernetesNotFoundException">It does not exist.</exception>
    /// <exception cref="KubernetesConflictException">A precondition (UID, resourceVersion) does not hold.</exception>
    protected async Task<T?> DeleteCoreAsync(string? @namespace, string name, DeleteOptions? options, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, Resource.Path(@namespace, name), DeleteBody(options), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "Status")
        {
            return null;
        }

        return JsonSerializer.Deserialize(document.RootElement, _type);
    }

    private static string WriteQuery(WriteOptions? options, bool patch) => new Query()
        .Add("fieldManager", options?.FieldManager)
        .Add("force", patch && options?.Force == true ? "true" : null)
        .Add("dryRun", options?.DryRun == true ? "All" : null)
        .ToString();

    private HttpContent Json(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, _type));
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        return content;
    }

    private static HttpContent? DeleteBody(DeleteOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteString("kind", "DeleteOptions");
            if (options.Propagation is { } propagation)
            {
                writer.WriteString("propagationPolicy", propagation.ToString());
            }

            if (options.GracePeriodSeconds is { } grace)
            {
                writer.WriteNumber("gracePeriodSeconds", grace);
            }

            if (options.DryRun)
            {
                writer.WriteStartArray("dryRun");
                writer.WriteStringValue("All");
                writer.WriteEndArray();
            }

            if (options.PreconditionUid is not null || options.PreconditionResourceVersion is not null)
            {
                writer.WriteStartObject("preconditions");
                if (options.PreconditionUid is { } uid)
                {
                    writer.WriteString("uid", uid);
                }

                if (options.PreconditionResourceVersion is { } version)
                {
                    writer.WriteString("resourceVersion", version);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenMemory.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        return content;
    }

    private async Task<TResult> SendAsync<TResult>(
        HttpMethod method,
        string pathAndQuery,
        HttpContent? content,
        JsonTypeInfo<TResult> type,
        CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, pathAndQuery, content, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The API server answered " + method + " " + pathAndQuery + " with an empty body.");
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method,
        string pathAndQuery,
        HttpContent? content,
        HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_kubernetes.BaseUri, pathAndQuery.TrimStart('/')));
        request.Content = content;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        if (_kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await _kubernetes.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            throw KubernetesApiException.From(KubernetesApiException.ReadStatus((int)response.StatusCode, body), retryAfter);
        }
    }
}
