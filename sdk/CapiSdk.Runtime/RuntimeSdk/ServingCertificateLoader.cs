using System.Security.Cryptography.X509Certificates;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>Loads serving certificates in a form every platform's TLS stack accepts.</summary>
internal static class ServingCertificateLoader
{
    /// <summary>Round-trips a certificate with an ephemeral key through PKCS#12, which SslStream needs on Windows.</summary>
    /// <param name="withKey">A certificate with its private key.</param>
    /// <returns>An equivalent certificate the caller owns.</returns>
    public static X509Certificate2 Portable(X509Certificate2 withKey) =>
        X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);

    /// <summary>Reads a PEM certificate (a chain may follow it) and its PEM private key.</summary>
    /// <param name="certificatePath">E.g. <c>/tmp/k8s-webhook-server/serving-certs/tls.crt</c>.</param>
    /// <param name="keyPath">E.g. <c>/tmp/k8s-webhook-server/serving-certs/tls.key</c>.</param>
    /// <returns>The certificate with its key.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidOperationException">A file is not a PEM certificate or key, or they do not match.</exception>
    public static X509Certificate2 LoadPemPair(string certificatePath, string keyPath)
    {
        foreach (var path in new[] { certificatePath, keyPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The TLS serving certificate file '{path}' does not exist. Mount the certificate Secret (tls.crt and tls.key, as cert-manager writes it) "
                    + "at RuntimeExtensionOptions.CertDirectory, or set RuntimeExtensionOptions.SelfSigned = true to generate one at start.",
                    path);
            }
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            return Portable(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException(
                $"Could not read the TLS serving certificate '{certificatePath}' with key '{keyPath}': {e.Message}. Both must be PEM, and the key must belong to the certificate.",
                e);
        }
    }
}
