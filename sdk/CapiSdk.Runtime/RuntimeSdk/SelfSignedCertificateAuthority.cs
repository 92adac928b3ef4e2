using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// A certificate authority made in memory (ECDSA P-256) that issues TLS serving certificates: what
/// <see cref="RuntimeExtensionOptions.SelfSigned"/> uses when no cert-manager certificate is mounted. Its
/// <see cref="CertificatePem"/> is the CA bundle Cluster API must trust (<c>spec.clientConfig.caBundle</c>).
/// </summary>
public sealed class SelfSignedCertificateAuthority : IDisposable
{
    private readonly ECDsa _key;
    private readonly TimeProvider _time;

    private SelfSignedCertificateAuthority(ECDsa key, X509Certificate2 certificate, TimeProvider time)
    {
        _key = key;
        Certificate = certificate;
        CertificatePem = certificate.ExportCertificatePem() + "\n";
        _time = time;
    }

    /// <summary>The CA certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate in PEM (<c>-----BEGIN CERTIFICATE-----</c>…), ending with a newline.</summary>
    public string CertificatePem { get; }

    /// <summary>Creates a CA valid from one hour ago for <paramref name="validity"/> (default 10 years).</summary>
    /// <param name="commonName">The CA's subject common name.</param>
    /// <param name="validity">How long the CA is valid; default 10 years.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    /// <returns>The CA; dispose it when no more certificates are to be issued.</returns>
    public static SelfSignedCertificateAuthority Create(string commonName = "capisdk-runtime-extension-ca", TimeSpan? validity = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        var time = timeProvider ?? TimeProvider.System;
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        var subjectKey = new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false);
        request.CertificateExtensions.Add(subjectKey);
        var now = time.GetUtcNow();
        using var withKey = request.CreateSelfSigned(now.AddHours(-1), now + (validity ?? TimeSpan.FromDays(3650)));
        var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        return new SelfSignedCertificateAuthority(key, publicOnly, time);
    }

    /// <summary>
    /// Issues a serving certificate (ECDSA P-256, extended key usage serverAuth) for the given names, signed by this
    /// CA, valid from one hour ago for <paramref name="validity"/> (default one year) and at most as long as the CA.
    /// </summary>
    /// <param name="dnsNames">DNS subject alternative names, e.g. <c>my-extension.my-namespace.svc</c>; the first is also the subject's common name.</param>
    /// <param name="ipAddresses">IP subject alternative names, e.g. 127.0.0.1.</param>
    /// <param name="validity">How long the certificate is valid; default one year.</param>
    /// <returns>The certificate with its private key, ready for Kestrel.</returns>
    public X509Certificate2 IssueServingCertificate(IEnumerable<string> dnsNames, IEnumerable<IPAddress>? ipAddresses = null, TimeSpan? validity = null)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        var names = dnsNames.ToList();
        var addresses = ipAddresses?.ToList() ?? [];
        if (names.Count == 0 && addresses.Count == 0)
        {
            throw new ArgumentException("A serving certificate needs at least one DNS name or IP address to be valid for.", nameof(dnsNames));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var commonName = names.Count > 0 ? names[0] : addresses[0].ToString();
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + commonName), key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        foreach (var address in addresses)
        {
            san.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(san.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, false));

        var now = _time.GetUtcNow();
        var notAfter = now + (validity ?? TimeSpan.FromDays(365));
        if (notAfter > Certificate.NotAfter)
        {
            notAfter = Certificate.NotAfter;
        }

        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var issuerPublic = X509CertificateLoader.LoadCertificate(Certificate.RawData);
        using var issuer = issuerPublic.CopyWithPrivateKey(_key);
        using var issued = request.Create(issuer, now.AddHours(-1), notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return ServingCertificateLoader.Portable(withKey);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
