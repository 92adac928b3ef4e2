using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CapiSdk.Runtime.Tests.Support;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>
/// Calls an extension as Cluster API does: POST over HTTPS (HTTP/2 when offered, as Go's transport), the handler's
/// timeout as a <c>?timeout=</c> query, the server certificate validated against the CA bundle only (the caBundle
/// of the ExtensionConfig), for the name Cluster API dials (<c>{service}.{namespace}.svc</c>) when given.
/// </summary>
internal sealed class HookClient : IDisposable
{
    private readonly HttpClient _http;

    public HookClient(Uri address, string caBundlePem, string? serverName = null)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero, // a new TLS handshake per request, so certificate rotation is observable
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.ImportFromPem(caBundlePem);
            using var presented = new X509Certificate2(certificate);
            var valid = chain.Build(presented);
            LastServerCertificate = X509CertificateLoader.LoadCertificate(presented.RawData);
            return valid;
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (serverName is not null)
        {
            // SocketsHttpHandler takes the TLS server name (SNI and the name checked) from the Host header, like Go's ServerName.
            _http.DefaultRequestHeaders.Host = serverName;
        }
    }

    /// <summary>The certificate the server presented at the last handshake.</summary>
    public X509Certificate2? LastServerCertificate { get; private set; }

    /// <summary>Reads a request body from RuntimeSdk/Requests.</summary>
    public static string Request(string file) =>
        File.ReadAllText(Path.Combine(ApiServer.RepositoryRoot, "tests", "CapiSdk.Runtime.Tests", "RuntimeSdk", "Requests", file));

    public async Task<HookAnswer> PostAsync(string path, string body, CancellationToken ct, int timeoutSeconds = 10)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path + "?timeout=" + timeoutSeconds + "s", content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
        return new HookAnswer(response.StatusCode, response.Version, response.Content.Headers.ContentType?.MediaType, text, json);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => await _http.SendAsync(request, ct);

    public void Dispose() => _http.Dispose();
}
