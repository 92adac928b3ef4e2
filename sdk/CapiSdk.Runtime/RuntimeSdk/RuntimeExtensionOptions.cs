namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>Where a <see cref="RuntimeExtensionServer"/> listens and which TLS certificate it presents.</summary>
public sealed class RuntimeExtensionOptions
{
    /// <summary>The configuration section <see cref="RuntimeExtensionServiceCollectionExtensions.AddRuntimeExtension(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/> binds.</summary>
    public const string SectionName = "CapiSdk:RuntimeExtension";

    /// <summary>The IP address to bind: <c>0.0.0.0</c> (default: every IPv4 interface, so the Service reaches the pod), <c>::</c>, or <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "0.0.0.0";

    /// <summary>The TCP port; default 9443 (Cluster API's Runtime SDK default); 0 picks a free one (see <see cref="RuntimeExtensionServer.Address"/>).</summary>
    public int Port { get; set; } = 9443;

    /// <summary>
    /// The folder holding the PEM serving certificate and key, where the cert-manager Secret is mounted; default
    /// <c>{temp}/k8s-webhook-server/serving-certs</c> (controller-runtime's). The files are read again when they change.
    /// A <c>ca.crt</c> there, as cert-manager writes it, becomes <see cref="RuntimeExtensionServer.CaBundlePem"/>.
    /// </summary>
    public string CertDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "k8s-webhook-server", "serving-certs");

    /// <summary>The certificate file's name in <see cref="CertDirectory"/>; default <c>tls.crt</c>.</summary>
    public string CertName { get; set; } = "tls.crt";

    /// <summary>The key file's name in <see cref="CertDirectory"/>; default <c>tls.key</c>.</summary>
    public string KeyName { get; set; } = "tls.key";

    /// <summary>
    /// True: ignore <see cref="CertDirectory"/> and generate, at start, a CA and a serving certificate for the
    /// Service's names (<see cref="ServiceName"/>, <see cref="ServiceNamespace"/>), <c>localhost</c>, 127.0.0.1 and ::1.
    /// A new CA is made at every start, so <see cref="RuntimeExtensionServer.CaBundlePem"/> must be written to the
    /// ExtensionConfig each time (<see cref="ExtensionConfig"/> does it); with several replicas, use cert-manager instead.
    /// </summary>
    public bool SelfSigned { get; set; }

    /// <summary>The Kubernetes Service in front of the extension (its DNS names go into a self-signed certificate).</summary>
    public string? ServiceName { get; set; }

    /// <summary>The Service's namespace.</summary>
    public string? ServiceNamespace { get; set; }

    /// <summary>More DNS names for a self-signed certificate.</summary>
    public IList<string> ExtraDnsNames { get; } = [];

    /// <summary>
    /// When set, the hosted server writes its CA bundle into this ExtensionConfig once it listens (creating the
    /// ExtensionConfig if <see cref="ExtensionConfigRegistration.CreateIfMissing"/>), through the registered
    /// <c>IKubernetes</c>. Used by <see cref="RuntimeExtensionServiceCollectionExtensions"/>, not by a server made by hand.
    /// </summary>
    public ExtensionConfigRegistration? ExtensionConfig { get; set; }
}
