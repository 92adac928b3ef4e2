using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Runtime.Tests.Support2;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>The serving certificate: generated for the Service's names, or read (and re-read) from cert-manager's PEM files.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _certDirectory = Directory.CreateTempSubdirectory("capisdk-serving-certs-").FullName;

    public void Dispose() => Directory.Delete(_certDirectory, recursive: true);

    private static IReadOnlyList<string> DnsNames(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames()];

    private static IReadOnlyList<IPAddress> IpAddresses(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses()];

    [Fact]
    public async Task A_self_signed_certificate_chains_to_the_CA_bundle_for_the_names_Cluster_API_dials()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New();
        await server.StartAsync(ct);
        using var client = new HookClient(server.Address!, server.CaBundlePem!, serverName: "vip-allocator.capi-system.svc");

        var answer = await client.PostAsync(RuntimeHooks.DiscoveryPath, HookClient.Request("discovery.json"), ct);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var certificate = client.LastServerCertificate!;
        Assert.Equal(
            ["vip-allocator.capi-system.svc", "vip-allocator.capi-system.svc.cluster.local", "vip-allocator.capi-system", "vip-allocator", "localhost"],
            DnsNames(certificate));
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], IpAddresses(certificate));
        Assert.Contains(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_CA_or_dials_another_name_is_refused()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New();
        await server.StartAsync(ct);
        using var otherAuthority = SelfSignedCertificateAuthority.Create();
        using var untrusting = new HookClient(server.Address!, otherAuthority.CertificatePem);
        using var wrongName = new HookClient(server.Address!, server.CaBundlePem!, serverName: "other.capi-system.svc");

        var untrusted = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.PostAsync(RuntimeHooks.DiscoveryPath, "{}", ct));
        var misnamed = await Assert.ThrowsAsync<HttpRequestException>(() => wrongName.PostAsync(RuntimeHooks.DiscoveryPath, "{}", ct));

        Assert.IsType<AuthenticationException>(untrusted.InnerException);
        Assert.IsType<AuthenticationException>(misnamed.InnerException);
    }

    [Fact]
    public async Task PEM_files_are_served_with_their_ca_crt_as_the_bundle_and_read_again_when_rotated()
    {
        var ct = TestTimeout.Token();
        using var authority = SelfSignedCertificateAuthority.Create();
        ServingFiles.Write(_certDirectory, authority);
        await using var server = new RuntimeExtensionServer(new RuntimeExtensionOptions { Host = "127.0.0.1", Port = 0, CertDirectory = _certDirectory });
        await server.StartAsync(ct);
        Assert.Equal(authority.CertificatePem, server.CaBundlePem);
        using var client = new HookClient(server.Address!, server.CaBundlePem!, serverName: "vip-allocator.capi-system.svc");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(RuntimeHooks.DiscoveryPath, "{}", ct)).Status);
        var first = client.LastServerCertificate!.SerialNumber;

        ServingFiles.Write(_certDirectory, authority); // cert-manager renews: same CA, new certificate
        File.SetLastWriteTimeUtc(Path.Combine(_certDirectory, "tls.crt"), DateTime.UtcNow.AddMinutes(1));
        var answer = await client.PostAsync(RuntimeHooks.DiscoveryPath, "{}", ct);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotEqual(first, client.LastServerCertificate!.SerialNumber);
        Assert.Equal(File.ReadAllText(Path.Combine(_certDirectory, "tls.crt")).Trim(), client.LastServerCertificate.ExportCertificatePem().Trim());
    }

    [Fact]
    public async Task Missing_certificate_files_fail_the_start_naming_the_file_and_the_fixes()
    {
        var ct = TestTimeout.Token();
        await using var server = new RuntimeExtensionServer(new RuntimeExtensionOptions { Host = "127.0.0.1", Port = 0, CertDirectory = _certDirectory });

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => server.StartAsync(ct));

        Assert.Contains(Path.Combine(_certDirectory, "tls.crt"), error.Message, StringComparison.Ordinal);
        Assert.Contains("SelfSigned = true", error.Message, StringComparison.Ordinal);
        Assert.False(server.IsReady);
    }

    [Fact]
    public async Task Without_a_ca_crt_the_server_has_no_CA_bundle_to_publish()
    {
        var ct = TestTimeout.Token();
        using var authority = SelfSignedCertificateAuthority.Create();
        ServingFiles.Write(_certDirectory, authority, withCa: false);
        await using var server = new RuntimeExtensionServer(new RuntimeExtensionOptions { Host = "127.0.0.1", Port = 0, CertDirectory = _certDirectory });

        await server.StartAsync(ct);

        Assert.Null(server.CaBundlePem);
    }

    [Fact]
    public void A_serving_certificate_needs_a_name()
    {
        using var authority = SelfSignedCertificateAuthority.Create();

        var error = Assert.Throws<ArgumentException>(() => authority.IssueServingCertificate([]));

        Assert.Contains("at least one DNS name or IP address", error.Message, StringComparison.Ordinal);
    }
}
