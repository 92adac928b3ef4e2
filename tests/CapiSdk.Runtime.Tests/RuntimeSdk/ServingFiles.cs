using System.Net;
using System.Security.Cryptography.X509Certificates;
using CapiSdk.Runtime.RuntimeSdk;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>Writes tls.crt, tls.key (and ca.crt) as cert-manager's Secret does when mounted.</summary>
internal static class ServingFiles
{
    public static void Write(string directory, SelfSignedCertificateAuthority authority, bool withCa = true)
    {
        using var serving = authority.IssueServingCertificate(["vip-allocator.capi-system.svc"], [IPAddress.Loopback]);
        using var key = serving.GetECDsaPrivateKey()!;
        File.WriteAllText(Path.Combine(directory, "tls.crt"), serving.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(directory, "tls.key"), key.ExportPkcs8PrivateKeyPem() + "\n");
        if (withCa)
        {
            File.WriteAllText(Path.Combine(directory, "ca.crt"), authority.CertificatePem);
        }
    }
}
