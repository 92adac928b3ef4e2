using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Runtime.Tests.Support2;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Eventually = CapiSdk.Runtime.Tests.Support2.Eventually;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>Self-signed replicas share one CA and serving certificate through a Secret, across starts and rotations.</summary>
public sealed class CertificateSecretTests
{
    private const string ServerName = "vip-allocator.capi-system.svc";

    private static async Task<string> ServedSerialAsync(RuntimeExtensionServer server, string caBundle, CancellationToken ct)
    {
        using var client = new HookClient(server.Address!, caBundle, ServerName);
        var answer = await client.PostAsync(RuntimeHooks.DiscoveryPath, HookClient.Request("discovery.json"), ct);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return client.LastServerCertificate!.SerialNumber;
    }

    private static IHost Replica(CapiSdk.Testing.KubeApiServer api, TimeSpan? refresh = null)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddSingleton<IKubernetes>(_ => api.CreateClient());
        builder.Services.AddRuntimeExtension(o =>
        {
            (o.Host, o.Port, o.SelfSigned, o.ServiceName, o.ServiceNamespace) = ("127.0.0.1", 0, true, "vip-allocator", CertificateSecrets.Namespace);
            o.SecretRefreshInterval = refresh ?? o.SecretRefreshInterval;
            o.ExtensionConfig = new ExtensionConfigRegistration { Name = "vip-allocator", CreateIfMissing = true, ServiceName = "vip-allocator", ServiceNamespace = CertificateSecrets.Namespace };
        });
        return builder.Build();
    }

    private static async Task<string> PublishedCaAsync(IKubernetes kubernetes, CancellationToken ct)
    {
        var extensionConfig = await new ExtensionConfigClient(kubernetes).GetAsync("vip-allocator", cancellationToken: ct);
        return Encoding.UTF8.GetString(Convert.FromBase64String(extensionConfig["spec"]!["clientConfig"]!["caBundle"]!.GetValue<string>()));
    }

    private static async Task<(string Serial, string Ca)> SecretAsync(IKubernetes kubernetes, CancellationToken ct)
    {
        var secret = await CertificateSecrets.ReadAsync(kubernetes, ct);
        using var certificate = CertificateSecrets.Certificate(secret);
        return (certificate.SerialNumber, CertificateSecrets.Text(secret, "ca.crt"));
    }

    [SkippableFact]
    public async Task Two_replicas_started_together_make_one_Secret_and_a_caller_trusting_the_ExtensionConfig_reaches_both()
    {
        Skip.If(ExtensionConfigServer.SkipReason is not null, ExtensionConfigServer.SkipReason);
        var ct = TestTimeout.Token();
        await using var api = await ExtensionConfigServer.StartAsync(ct);
        using var kubernetes = api.CreateClient();
        using var first = Replica(api);
        using var second = Replica(api);
        await Task.WhenAll(first.StartAsync(ct), second.StartAsync(ct));
        var servers = new[] { first, second }.Select(h => h.Services.GetRequiredService<RuntimeExtensionServer>()).ToList();
        var caBundle = await PublishedCaAsync(kubernetes, ct);
        var served = new List<string>();
        foreach (var server in servers)
        {
            served.Add(await ServedSerialAsync(server, caBundle, ct));
        }

        var secrets = await kubernetes.CoreV1.ListNamespacedSecretAsync(CertificateSecrets.Namespace, cancellationToken: ct);
        var (serial, ca) = await SecretAsync(kubernetes, ct);
        await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));

        Assert.Equal([CertificateSecrets.Name], secrets.Items.Select(s => s.Metadata.Name));
        Assert.Equal("kubernetes.io/tls", secrets.Items[0].Type);
        Assert.Equal(["ca.crt", "ca.key", "tls.crt", "tls.key"], secrets.Items[0].Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ca, caBundle);
        Assert.All(servers, s => Assert.Equal(ca, s.CaBundlePem));
        Assert.Equal([serial, serial], served);
    }

    [Fact]
    public async Task A_restart_serves_the_certificate_and_CA_kept_in_the_Secret()
    {
        var ct = TestTimeout.Token();
        await using var api = await CertificateSecrets.StartApiAsync(ct);
        using var kubernetes = api.CreateClient();
        string firstCa, firstSerial;
        await using (var before = CertificateSecrets.Server(kubernetes))
        {
            await before.StartAsync(ct);
            firstCa = before.CaBundlePem!;
            firstSerial = await ServedSerialAsync(before, firstCa, ct);
        }

        await using var after = CertificateSecrets.Server(kubernetes);
        await after.StartAsync(ct);
        var serial = await ServedSerialAsync(after, firstCa, ct);

        Assert.Equal(firstCa, after.CaBundlePem);
        Assert.Equal(firstSerial, serial);
        Assert.Equal((firstSerial, firstCa), await SecretAsync(kubernetes, ct));
    }

    [Fact]
    public async Task An_expiring_certificate_is_renewed_once_in_the_Secret_and_every_replica_serves_the_new_one()
    {
        var ct = TestTimeout.Token();
        await using var api = await CertificateSecrets.StartApiAsync(ct);
        using var kubernetes = api.CreateClient();
        // A CA made 300 days ago; first a certificate with years left, then (as if it had aged) a one-year one with 65 days left.
        using var authority = SelfSignedCertificateAuthority.Create(validity: TimeSpan.FromDays(3650), timeProvider: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-300)));
        var ca = authority.CertificatePem;
        await CertificateSecrets.CreateAsync(kubernetes, CertificateSecrets.Data(authority, TimeSpan.FromDays(3650)), ct);
        var logs = new CapturingLoggerProvider();
        await using var first = CertificateSecrets.Server(kubernetes, TimeSpan.FromMilliseconds(50), logs);
        await using var second = CertificateSecrets.Server(kubernetes, TimeSpan.FromMilliseconds(50), logs);
        await first.StartAsync(ct);
        await second.StartAsync(ct);
        var secret = await CertificateSecrets.ReadAsync(kubernetes, ct);
        secret.Data = CertificateSecrets.Data(authority, TimeSpan.FromDays(365));
        await kubernetes.CoreV1.ReplaceNamespacedSecretAsync(secret, CertificateSecrets.Name, CertificateSecrets.Namespace, cancellationToken: ct);
        using var expiring = CertificateSecrets.Certificate(secret);

        // Both replicas refresh; one renews, the other's write conflicts or finds it renewed, and both serve the Secret's certificate.
        await Eventually.TrueAsync(
            async () =>
            {
                var (serial, _) = await SecretAsync(kubernetes, ct);
                return serial != expiring.SerialNumber
                    && await ServedSerialAsync(first, ca, ct) == serial
                    && await ServedSerialAsync(second, ca, ct) == serial;
            },
            ct);
        var renewed = await CertificateSecrets.ReadAsync(kubernetes, ct);
        using var certificate = CertificateSecrets.Certificate(renewed);

        Assert.Equal(ca, CertificateSecrets.Text(renewed, "ca.crt"));
        Assert.Equal(ca, first.CaBundlePem);
        Assert.Equal(ca, second.CaBundlePem);
        Assert.True(certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(300), $"renewed for a year: {certificate.NotAfter:u}");
        Assert.Single(logs.Entries.Items, e => e.Message.Contains("written (its serving certificate expires", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_CA_near_its_end_is_replaced_and_the_bundle_keeps_the_old_CA_for_replicas_not_yet_refreshed()
    {
        var ct = TestTimeout.Token();
        await using var api = await CertificateSecrets.StartApiAsync(ct);
        using var kubernetes = api.CreateClient();
        using var old = SelfSignedCertificateAuthority.Create(validity: TimeSpan.FromDays(3650), timeProvider: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-3000)));
        await CertificateSecrets.CreateAsync(kubernetes, CertificateSecrets.Data(old, TimeSpan.FromDays(3650)), ct);
        await using var server = CertificateSecrets.Server(kubernetes);

        await server.StartAsync(ct);

        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(server.CaBundlePem!);
        Assert.Equal(2, bundle.Count);
        Assert.Equal(old.Certificate.Thumbprint, bundle[1].Thumbprint);
        Assert.True(bundle[0].NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(3000), $"a new ten-year CA: {bundle[0].NotAfter:u}");
        using var onlyNew = new HookClient(server.Address!, bundle[0].ExportCertificatePem(), ServerName);
        Assert.Equal(HttpStatusCode.OK, (await onlyNew.PostAsync(RuntimeHooks.DiscoveryPath, "{}", ct)).Status);
        Assert.Equal(server.CaBundlePem, (await SecretAsync(kubernetes, ct)).Ca);
    }

    [SkippableFact]
    public async Task A_CA_rotated_while_running_is_written_into_the_ExtensionConfig()
    {
        Skip.If(ExtensionConfigServer.SkipReason is not null, ExtensionConfigServer.SkipReason);
        var ct = TestTimeout.Token();
        await using var api = await ExtensionConfigServer.StartAsync(ct);
        using var kubernetes = api.CreateClient();
        using var replica = Replica(api, TimeSpan.FromMilliseconds(50));
        await replica.StartAsync(ct);
        var server = replica.Services.GetRequiredService<RuntimeExtensionServer>();
        var started = await PublishedCaAsync(kubernetes, ct);
        // Another replica (or time) leaves a CA with less than a third of its ten years in the Secret.
        using var aging = SelfSignedCertificateAuthority.Create(validity: TimeSpan.FromDays(3650), timeProvider: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-3000)));
        var secret = await CertificateSecrets.ReadAsync(kubernetes, ct);
        secret.Data = CertificateSecrets.Data(aging, TimeSpan.FromDays(3650));
        await kubernetes.CoreV1.ReplaceNamespacedSecretAsync(secret, CertificateSecrets.Name, CertificateSecrets.Namespace, cancellationToken: ct);

        await Eventually.TrueAsync(async () => (await PublishedCaAsync(kubernetes, ct)) == (await SecretAsync(kubernetes, ct)).Ca && server.CaBundlePem!.EndsWith(aging.CertificatePem, StringComparison.Ordinal), ct);
        var published = await PublishedCaAsync(kubernetes, ct);
        await replica.StopAsync(ct);

        Assert.NotEqual(started, published);
        Assert.EndsWith(aging.CertificatePem, published, StringComparison.Ordinal);
        Assert.DoesNotContain(started, published, StringComparison.Ordinal);
        Assert.Equal(server.CaBundlePem, published);
    }

    [Fact]
    public async Task An_empty_Secret_made_ahead_for_RBAC_is_filled()
    {
        var ct = TestTimeout.Token();
        await using var api = await CertificateSecrets.StartApiAsync(ct);
        using var kubernetes = api.CreateClient();
        await CertificateSecrets.CreateAsync(kubernetes, data: null, ct, type: "Opaque");
        await using var server = CertificateSecrets.Server(kubernetes);

        await server.StartAsync(ct);
        var serial = await ServedSerialAsync(server, server.CaBundlePem!, ct);

        var secret = await CertificateSecrets.ReadAsync(kubernetes, ct);
        Assert.Equal("Opaque", secret.Type);
        Assert.Equal((serial, server.CaBundlePem), await SecretAsync(kubernetes, ct));
    }

    [Fact]
    public async Task A_Secret_holding_something_else_fails_the_start_naming_it_and_the_fixes_and_is_left_alone()
    {
        var ct = TestTimeout.Token();
        await using var api = await CertificateSecrets.StartApiAsync(ct);
        using var kubernetes = api.CreateClient();
        var garbage = new Dictionary<string, byte[]> { ["ca.crt"] = "not a certificate"u8.ToArray(), ["ca.key"] = "not a key"u8.ToArray() };
        var created = await CertificateSecrets.CreateAsync(kubernetes, garbage, ct);
        await using var server = CertificateSecrets.Server(kubernetes);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(ct));

        Assert.Contains("Secret capi-system/vip-allocator-runtime-extension-cert", error.Message, StringComparison.Ordinal);
        Assert.Contains("ca.crt and ca.key are not a PEM certificate and its ECDSA key", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl -n capi-system delete secret vip-allocator-runtime-extension-cert", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretName", error.Message, StringComparison.Ordinal);
        Assert.False(server.IsReady);
        Assert.Equal(created.Metadata.ResourceVersion, (await CertificateSecrets.ReadAsync(kubernetes, ct)).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_cert_manager_Secret_without_ca_key_is_refused_pointing_to_CertDirectory()
    {
        var ct = TestTimeout.Token();
        await using var api = await CertificateSecrets.StartApiAsync(ct);
        using var kubernetes = api.CreateClient();
        using var authority = SelfSignedCertificateAuthority.Create();
        var data = CertificateSecrets.Data(authority, TimeSpan.FromDays(90));
        data.Remove("ca.key");
        await CertificateSecrets.CreateAsync(kubernetes, data, ct);
        await using var server = CertificateSecrets.Server(kubernetes);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(ct));

        Assert.Contains("but no ca.key", error.Message, StringComparison.Ordinal);
        Assert.Contains("CertDirectory", error.Message, StringComparison.Ordinal);
    }
}
