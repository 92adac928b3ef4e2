using System.Security.Cryptography.X509Certificates;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>What a certificate Secret holds once it is valid: the CA bundle to publish and the certificate to serve.</summary>
/// <param name="CaBundlePem">The Secret's <c>ca.crt</c>: the CA first, then a previous CA while it is still valid.</param>
/// <param name="Serving">The Secret's <c>tls.crt</c> with the <c>tls.key</c>, ready for Kestrel.</param>
internal sealed record SecretCertificate(string CaBundlePem, X509Certificate2 Serving);
