namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>The keys of the Secret that holds a self-signed extension's CA and serving certificate (cert-controller's).</summary>
internal static class CertificateSecretKeys
{
    public const string CaCertificate = "ca.crt";
    public const string CaKey = "ca.key";
    public const string Certificate = "tls.crt";
    public const string Key = "tls.key";
    public const string TlsType = "kubernetes.io/tls";

    public static IReadOnlyList<string> All { get; } = [CaCertificate, CaKey, Certificate, Key];
}
