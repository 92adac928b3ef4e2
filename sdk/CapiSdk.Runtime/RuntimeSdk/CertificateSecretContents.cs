using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// Reads a certificate Secret's data and decides, as open-policy-agent/cert-controller's rotator does, whether it can
/// be served as it is or what to write: a new CA (none yet, or less than a third of its validity left) and a serving
/// certificate signed by the CA (none, another CA's, less than a third of its validity left, or missing a name).
/// </summary>
internal static class CertificateSecretContents
{
    /// <summary>How long a generated CA is valid (cert-controller's default).</summary>
    public static readonly TimeSpan CaValidity = TimeSpan.FromDays(3650);

    /// <summary>How long a generated serving certificate is valid (cert-controller's default).</summary>
    public static readonly TimeSpan ServingValidity = TimeSpan.FromDays(365);

    /// <summary>Decides what to serve and what to write.</summary>
    /// <param name="data">The Secret's data; null or without any of the four keys when it is new or was made empty.</param>
    /// <param name="reference">The Secret as <c>namespace/name</c>, for errors.</param>
    /// <param name="dnsNames">The DNS names the serving certificate must hold (127.0.0.1 and ::1 too).</param>
    /// <param name="time">The clock.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidOperationException">The data is there but is not a CA with its key and a certificate with its key (the message says how to fix it).</exception>
    public static CertificateSecretPlan Plan(IDictionary<string, byte[]>? data, string reference, IReadOnlyList<string> dnsNames, TimeProvider time)
    {
        var values = CertificateSecretKeys.All.ToDictionary(k => k, k => data is not null && data.TryGetValue(k, out var v) && v is { Length: > 0 } ? Encoding.UTF8.GetString(v) : null);
        if (values.Values.All(v => v is null))
        {
            using var fresh = SelfSignedCertificateAuthority.Create(validity: CaValidity, timeProvider: time);
            return Issue(data, fresh, fresh.CertificatePem, dnsNames, "it holds no certificate yet");
        }

        if (values[CertificateSecretKeys.CaCertificate] is not { } caPem || values[CertificateSecretKeys.CaKey] is not { } caKey)
        {
            throw Unreadable(reference, $"it has {string.Join(", ", values.Where(v => v.Value is not null).Select(v => v.Key))} but no {(values[CertificateSecretKeys.CaCertificate] is null ? CertificateSecretKeys.CaCertificate : CertificateSecretKeys.CaKey)}, so it was not made by a self-signed runtime extension (cert-manager's Secrets have no ca.key)");
        }

        SelfSignedCertificateAuthority ca;
        try
        {
            ca = SelfSignedCertificateAuthority.Load(caPem, caKey, time);
        }
        catch (CryptographicException e)
        {
            throw Unreadable(reference, $"{CertificateSecretKeys.CaCertificate} and {CertificateSecretKeys.CaKey} are not a PEM certificate and its ECDSA key ({e.Message})");
        }

        using (ca)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (Expiring(ca.Certificate, now))
            {
                using var next = SelfSignedCertificateAuthority.Create(validity: CaValidity, timeProvider: time);
                var bundle = ca.Certificate.NotAfter.ToUniversalTime() > now ? next.CertificatePem + ca.CertificatePem : next.CertificatePem;
                return Issue(data, next, bundle, dnsNames, $"its CA expires at {ca.Certificate.NotAfter.ToUniversalTime():u}");
            }

            if (values[CertificateSecretKeys.Certificate] is not { } certificatePem || values[CertificateSecretKeys.Key] is not { } keyPem)
            {
                return Issue(data, ca, caPem, dnsNames, "it has a CA but no serving certificate");
            }

            X509Certificate2 serving;
            try
            {
                serving = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            }
            catch (CryptographicException e)
            {
                throw Unreadable(reference, $"{CertificateSecretKeys.Certificate} and {CertificateSecretKeys.Key} are not a PEM certificate and its private key ({e.Message})");
            }

            using (serving)
            {
                var problem = Expiring(serving, now) ? $"its serving certificate expires at {serving.NotAfter.ToUniversalTime():u}"
                    : !SignedBy(serving, ca.Certificate, now) ? $"its serving certificate is not signed by its {CertificateSecretKeys.CaCertificate}"
                    : Missing(serving, dnsNames) is { Length: > 0 } missing ? $"its serving certificate is not valid for {missing}"
                    : null;
                return problem is null
                    ? new CertificateSecretPlan(new SecretCertificate(caPem, ServingCertificateLoader.Portable(serving)), null, null)
                    : Issue(data, ca, caPem, dnsNames, problem);
            }
        }
    }

    private static CertificateSecretPlan Issue(IDictionary<string, byte[]>? data, SelfSignedCertificateAuthority ca, string caBundlePem, IReadOnlyList<string> dnsNames, string reason)
    {
        var serving = ca.IssueServingCertificate(dnsNames, ServingNames.Loopback, ServingValidity);
        using var key = serving.GetECDsaPrivateKey()!;
        var written = data is null ? new Dictionary<string, byte[]>(StringComparer.Ordinal) : new Dictionary<string, byte[]>(data, StringComparer.Ordinal);
        written[CertificateSecretKeys.CaCertificate] = Encoding.UTF8.GetBytes(caBundlePem);
        written[CertificateSecretKeys.CaKey] = Encoding.UTF8.GetBytes(ca.ExportPrivateKeyPem());
        written[CertificateSecretKeys.Certificate] = Encoding.UTF8.GetBytes(serving.ExportCertificatePem() + "\n");
        written[CertificateSecretKeys.Key] = Encoding.UTF8.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n");
        return new CertificateSecretPlan(new SecretCertificate(caBundlePem, serving), written, reason);
    }

    /// <summary>Less than a third of the validity left (or expired), when cert-manager renews by default too.</summary>
    private static bool Expiring(X509Certificate2 certificate, DateTime now)
    {
        var (from, to) = (certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
        return to - now < (to - from) / 3;
    }

    private static bool SignedBy(X509Certificate2 certificate, X509Certificate2 ca, DateTime now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        return chain.Build(certificate);
    }

    private static string Missing(X509Certificate2 certificate, IReadOnlyList<string> dnsNames)
    {
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var names = san?.EnumerateDnsNames().ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var addresses = san?.EnumerateIPAddresses().ToHashSet() ?? [];
        return string.Join(", ", dnsNames.Where(n => !names.Contains(n)).Concat(ServingNames.Loopback.Where(a => !addresses.Contains(a)).Select(a => a.ToString())));
    }

    private static InvalidOperationException Unreadable(string reference, string detail)
    {
        var (ns, name) = (reference[..reference.IndexOf('/', StringComparison.Ordinal)], reference[(reference.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        return new InvalidOperationException(
            $"Secret {reference} cannot be used for the runtime extension's self-signed certificate: {detail}. "
            + $"Delete it (kubectl -n {ns} delete secret {name}) and the extension makes a new one, or set RuntimeExtensionOptions.SecretName to a Secret of its own; "
            + "to serve a cert-manager certificate instead, mount its Secret at RuntimeExtensionOptions.CertDirectory and leave SelfSigned unset.");
    }
}
