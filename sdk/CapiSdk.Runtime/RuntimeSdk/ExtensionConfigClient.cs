using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Client;
using k8s;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// Writes a Runtime Extension's CA bundle into its ExtensionConfig through a KubernetesClient connection (its base
/// URI, credentials and TLS), as JSON: no Cluster API model is needed. Errors are the typed
/// <see cref="KubernetesApiException"/>s.
/// </summary>
public sealed class ExtensionConfigClient
{
    private const string Group = "runtime.cluster.x-k8s.io";
    private readonly Kubernetes _kubernetes;

    /// <summary>Creates the client.</summary>
    /// <param name="kubernetes">A KubernetesClient client; it must be a <see cref="Kubernetes"/> (as <c>new Kubernetes(config)</c> makes).</param>
    public ExtensionConfigClient(IKubernetes kubernetes)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _kubernetes = kubernetes as Kubernetes
            ?? throw new ArgumentException($"ExtensionConfigClient sends HTTP through a k8s.Kubernetes instance (new Kubernetes(config)); {kubernetes.GetType()} is not one.", nameof(kubernetes));
    }

    /// <summary>
    /// Sets <c>spec.clientConfig.caBundle</c> (base64 of the PEM, as the CRD's <c>format: byte</c> wants) with a JSON
    /// merge patch, leaving every other field as it is; when the ExtensionConfig does not exist and
    /// <see cref="ExtensionConfigRegistration.CreateIfMissing"/> is set, creates it with the service, namespace selector,
    /// settings and CA bundle.
    /// </summary>
    /// <param name="registration">Which ExtensionConfig, and what to create.</param>
    /// <param name="caBundlePem">The PEM CA certificate(s) Cluster API must trust, e.g. <see cref="RuntimeExtensionServer.CaBundlePem"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The ExtensionConfig as the API server returned it.</returns>
    /// <exception cref="KubernetesNotFoundException">It does not exist and is not to be created, or the ExtensionConfig CRD is not installed.</exception>
    public async Task<JsonObject> InjectCaBundleAsync(ExtensionConfigRegistration registration, string caBundlePem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(caBundlePem);
        if (string.IsNullOrEmpty(registration.Name))
        {
            throw new ArgumentException("ExtensionConfigRegistration.Name is required: the name of the ExtensionConfig to write the CA bundle into.", nameof(registration));
        }

        if (!caBundlePem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new ArgumentException("The CA bundle must be PEM (-----BEGIN CERTIFICATE-----...): Cluster API parses spec.clientConfig.caBundle as PEM.", nameof(caBundlePem));
        }

        var caBundle = Convert.ToBase64String(Encoding.UTF8.GetBytes(caBundlePem));
        var patch = new JsonObject { ["spec"] = new JsonObject { ["clientConfig"] = new JsonObject { ["caBundle"] = caBundle } } };
        try
        {
            return await SendAsync(HttpMethod.Patch, ObjectPath(registration), patch, "application/merge-patch+json", cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException) when (registration.CreateIfMissing)
        {
            await EnsureServedAsync(registration, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendAsync(HttpMethod.Post, CollectionPath(registration), NewExtensionConfig(registration, caBundle), "application/json", cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesAlreadyExistsException)
        {
            // Another replica created it meanwhile: write our CA bundle into theirs.
            return await SendAsync(HttpMethod.Patch, ObjectPath(registration), patch, "application/merge-patch+json", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads an ExtensionConfig.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="apiVersion">The version to read it in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object.</returns>
    /// <exception cref="KubernetesNotFoundException">It does not exist.</exception>
    public Task<JsonObject> GetAsync(string name, string apiVersion = ExtensionConfigRegistration.V1Alpha1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SendAsync(HttpMethod.Get, $"apis/{apiVersion}/extensionconfigs/{Uri.EscapeDataString(name)}", null, null, cancellationToken);
    }

    private static JsonObject NewExtensionConfig(ExtensionConfigRegistration registration, string caBundle)
    {
        if (string.IsNullOrEmpty(registration.ServiceName) || string.IsNullOrEmpty(registration.ServiceNamespace))
        {
            throw new ArgumentException(
                $"ExtensionConfig '{registration.Name}' does not exist; to create it, ExtensionConfigRegistration.ServiceName and ServiceNamespace are required (the Service Cluster API calls).",
                nameof(registration));
        }

        var service = new JsonObject { ["name"] = registration.ServiceName, ["namespace"] = registration.ServiceNamespace };
        if (registration.ServicePort is { } port)
        {
            service["port"] = port;
        }

        if (!string.IsNullOrEmpty(registration.ServicePath))
        {
            service["path"] = registration.ServicePath;
        }

        var spec = new JsonObject
        {
            ["clientConfig"] = new JsonObject { ["service"] = service, ["caBundle"] = caBundle },
            ["namespaceSelector"] = new JsonObject { ["matchLabels"] = Map(registration.NamespaceSelector) },
        };
        if (registration.Settings.Count > 0)
        {
            spec["settings"] = Map(registration.Settings);
        }

        return new JsonObject
        {
            ["apiVersion"] = registration.ApiVersion,
            ["kind"] = "ExtensionConfig",
            ["metadata"] = new JsonObject { ["name"] = registration.Name },
            ["spec"] = spec,
        };
    }

    private static JsonObject Map(IDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }

    private static string CollectionPath(ExtensionConfigRegistration registration) => $"apis/{Version(registration)}/extensionconfigs";

    private static string ObjectPath(ExtensionConfigRegistration registration) => CollectionPath(registration) + "/" + Uri.EscapeDataString(registration.Name);

    private static string Version(ExtensionConfigRegistration registration) =>
        registration.ApiVersion.StartsWith(Group + "/", StringComparison.Ordinal)
            ? registration.ApiVersion
            : throw new ArgumentException($"ExtensionConfigRegistration.ApiVersion '{registration.ApiVersion}' is not in the {Group} group (e.g. {ExtensionConfigRegistration.V1Alpha1}).", nameof(registration));

    private async Task EnsureServedAsync(ExtensionConfigRegistration registration, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Get, CollectionPath(registration) + "?limit=1", null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException e)
        {
            throw new KubernetesNotFoundException(new k8s.Models.V1Status
            {
                Code = 404,
                Reason = "NotFound",
                Status = "Failure",
                Message = $"{registration.ApiVersion} extensionconfigs are not served: install Cluster API (its ExtensionConfig CRD) before registering a Runtime Extension ({e.Message})",
            });
        }
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_kubernetes.BaseUri, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        if (_kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await _kubernetes.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw KubernetesApiException.From(KubernetesApiException.ReadStatus((int)response.StatusCode, text), response.Headers.RetryAfter?.Delta);
        }

        return JsonNode.Parse(text) as JsonObject
            ?? throw new JsonException($"The API server answered {method} {path} with something other than an object.");
    }
}
