namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// The ExtensionConfig (<c>runtime.cluster.x-k8s.io</c>, cluster-scoped) that tells Cluster API where this extension
/// is and which CA to trust: what <see cref="ExtensionConfigClient.InjectCaBundleAsync"/> writes.
/// </summary>
public sealed class ExtensionConfigRegistration
{
    /// <summary>The <c>apiVersion</c> used: <c>runtime.cluster.x-k8s.io/v1alpha1</c> (served by every Cluster API since 1.2; deprecated in favour of <c>v1beta2</c>, which has the same spec, from 1.11).</summary>
    public const string V1Alpha1 = "runtime.cluster.x-k8s.io/v1alpha1";

    /// <summary>The ExtensionConfig's name (it is cluster-scoped). Cluster API registers each handler as <c>{handler}.{this name}</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The API version to read and write; default <see cref="V1Alpha1"/>; <c>runtime.cluster.x-k8s.io/v1beta2</c> on Cluster API 1.11 and later.</summary>
    public string ApiVersion { get; set; } = V1Alpha1;

    /// <summary>
    /// True: create the ExtensionConfig (with <see cref="ServiceName"/>, <see cref="ServiceNamespace"/>,
    /// <see cref="ServicePort"/>, <see cref="ServicePath"/>, <see cref="NamespaceSelector"/>, <see cref="Settings"/>)
    /// when it does not exist. An existing one only gets its <c>spec.clientConfig.caBundle</c> changed.
    /// </summary>
    public bool CreateIfMissing { get; set; }

    /// <summary><c>spec.clientConfig.service.name</c>: the Service in front of the extension.</summary>
    public string? ServiceName { get; set; }

    /// <summary><c>spec.clientConfig.service.namespace</c>.</summary>
    public string? ServiceNamespace { get; set; }

    /// <summary><c>spec.clientConfig.service.port</c>; Cluster API uses 443 when null.</summary>
    public int? ServicePort { get; set; }

    /// <summary><c>spec.clientConfig.service.path</c>: a prefix of every hook path; none when null.</summary>
    public string? ServicePath { get; set; }

    /// <summary><c>spec.namespaceSelector.matchLabels</c>: the namespaces whose Clusters the hooks are called for; empty selects every namespace.</summary>
    public IDictionary<string, string> NamespaceSelector { get; } = new Dictionary<string, string>();

    /// <summary><c>spec.settings</c>: sent to every handler in the requests' <c>settings</c>.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
}
