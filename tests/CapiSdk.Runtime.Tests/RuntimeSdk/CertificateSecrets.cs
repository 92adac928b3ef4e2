using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>The certificate Secret of the vip-allocator extension in capi-system, and servers that keep their certificate there.</summary>
internal static class CertificateSecrets
{
    public const string Namespace = "capi-system";
    public const string Name = "vip-allocator-runtime-extension-cert";

    public static IReadOnlyList<string> DnsNames { get; } =
        ["vip-allocator.capi-system.svc", "vip-allocator.capi-system.svc.cluster.local", "vip-allocator.capi-system", "vip-allocator", "localhost"];

    /// <summary>An API server with the capi-system namespace.</summary>
    public static async Task<KubeApiServer> StartApiAsync(CancellationToken ct)
    {
        var api = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var client = api.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: ct);
        return api;
    }

    /// <summary>A self-signed server on 127.0.0.1 for vip-allocator in capi-system, keeping its certificate in the Secret through <paramref name="kubernetes"/>.</summary>
    public static RuntimeExtensionServer Server(IKubernetes kubernetes, TimeSpan? refresh = null, CapturingLoggerProvider? logs = null)
    {
        var options = new RuntimeExtensionOptions { Host = "127.0.0.1", Port = 0, SelfSigned = true, ServiceName = "vip-allocator", ServiceNamespace = Namespace };
        if (refresh is { } interval)
        {
            options.SecretRefreshInterval = interval;
        }

        var logger = logs is null ? null : LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<RuntimeExtensionServer>();
        return new RuntimeExtensionServer(options, logger, kubernetes);
    }

    public static Task<V1Secret> ReadAsync(IKubernetes kubernetes, CancellationToken ct) =>
        kubernetes.CoreV1.ReadNamespacedSecretAsync(Name, Namespace, cancellationToken: ct);

    public static string Text(V1Secret secret, string key) => Encoding.UTF8.GetString(secret.Data[key]);

    /// <summary>The Secret's tls.crt.</summary>
    public static X509Certificate2 Certificate(V1Secret secret) => X509Certificate2.CreateFromPem(Text(secret, "tls.crt"));

    /// <summary>The four keys for a CA and a serving certificate it issued for the extension's names.</summary>
    public static Dictionary<string, byte[]> Data(SelfSignedCertificateAuthority ca, TimeSpan servingValidity)
    {
        using var serving = ca.IssueServingCertificate(DnsNames, [IPAddress.Loopback, IPAddress.IPv6Loopback], servingValidity);
        using var key = serving.GetECDsaPrivateKey()!;
        return new Dictionary<string, byte[]>
        {
            ["ca.crt"] = Encoding.UTF8.GetBytes(ca.CertificatePem),
            ["ca.key"] = Encoding.UTF8.GetBytes(ca.ExportPrivateKeyPem()),
            ["tls.crt"] = Encoding.UTF8.GetBytes(serving.ExportCertificatePem() + "\n"),
            ["tls.key"] = Encoding.UTF8.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n"),
        };
    }

    public static Task<V1Secret> CreateAsync(IKubernetes kubernetes, IDictionary<string, byte[]>? data, CancellationToken ct, string type = "kubernetes.io/tls") =>
        kubernetes.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace }, Type = type, Data = data }, Namespace, cancellationToken: ct);
}
