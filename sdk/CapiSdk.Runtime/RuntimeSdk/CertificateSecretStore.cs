using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// The Secret (type <c>kubernetes.io/tls</c>: <c>ca.crt</c>, <c>ca.key</c>, <c>tls.crt</c>, <c>tls.key</c>) that every
/// replica of a self-signed extension shares: read it; create it when absent (on AlreadyExists another replica won:
/// read theirs); when it must be renewed, replace it with the resourceVersion read (on Conflict read it again).
/// </summary>
internal sealed class CertificateSecretStore
{
    private const int MaxAttempts = 10;
    private readonly IKubernetes _kubernetes;
    private readonly string _name;
    private readonly string _namespace;
    private readonly IReadOnlyList<string> _dnsNames;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CertificateSecretStore(IKubernetes kubernetes, string name, string ns, IReadOnlyList<string> dnsNames, TimeProvider time, ILogger logger)
    {
        _kubernetes = kubernetes;
        _name = name;
        _namespace = ns;
        _dnsNames = dnsNames;
        _time = time;
        _logger = logger;
    }

    /// <summary>The Secret as <c>namespace/name</c>.</summary>
    public string Reference => $"{_namespace}/{_name}";

    /// <summary>Reads the Secret, creating or renewing it when needed, and returns what to serve.</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The CA bundle and serving certificate the Secret now holds.</returns>
    /// <exception cref="InvalidOperationException">The Secret holds something else, access is forbidden, or writes kept conflicting.</exception>
    public async Task<SecretCertificate> EnsureAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var secret = await CallAsync("get", () => ReadAsync(cancellationToken)).ConfigureAwait(false);
            var plan = CertificateSecretContents.Plan(secret?.Data, Reference, _dnsNames, _time);
            if (plan.Data is null)
            {
                return plan.Result;
            }

            try
            {
                if (secret is null)
                {
                    var created = new V1Secret
                    {
                        ApiVersion = "v1",
                        Kind = "Secret",
                        Metadata = new V1ObjectMeta { Name = _name, NamespaceProperty = _namespace },
                        Type = CertificateSecretKeys.TlsType,
                        Data = plan.Data,
                    };
                    await CallAsync("create", () => _kubernetes.CoreV1.CreateNamespacedSecretAsync(created, _namespace, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    secret.Data = plan.Data; // metadata.resourceVersion stays the one read: a write by another replica meanwhile is a Conflict
                    await CallAsync("update", () => _kubernetes.CoreV1.ReplaceNamespacedSecretAsync(secret, _name, _namespace, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                RuntimeExtensionLog.CertificateSecretWritten(_logger, Reference, plan.Reason!, plan.Result.Serving.NotAfter);
                return plan.Result;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                // AlreadyExists (create) or Conflict (update): another replica wrote first; read what it wrote.
                plan.Result.Serving.Dispose();
            }
        }

        throw new InvalidOperationException($"Secret {Reference} kept changing while the runtime extension wrote its certificate ({MaxAttempts} conflicts): is something else writing it?");
    }

    private async Task<V1Secret?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _kubernetes.CoreV1.ReadNamespacedSecretAsync(_name, _namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<T> CallAsync<T>(string verb, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException(
                $"The runtime extension may not {verb} Secret {Reference} ({(int)e.Response.StatusCode}: {e.Response.Content}). Grant its ServiceAccount "
                + $"get, create and update on secrets in namespace {_namespace} (a Role and RoleBinding), or use cert-manager (CertDirectory) instead of SelfSigned.",
                e);
        }
        catch (HttpOperationException e) when (verb == "create" && e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException(
                $"Cannot create Secret {Reference}: namespace {_namespace} does not exist ({e.Response.Content}). Set RuntimeExtensionOptions.ServiceNamespace to the namespace the extension runs in.",
                e);
        }
    }
}
