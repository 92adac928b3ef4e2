namespace CapiSdk.Testing;

/// <summary>How a <see cref="KubeApiServer"/> starts: port, CRDs to serve from the beginning, namespaces, watch history, bookmarks.</summary>
public sealed class KubeApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Paths of YAML files with CustomResourceDefinitions (one or many documents each) to serve from the start.</summary>
    public IList<string> CrdFiles { get; } = [];

    /// <summary>CustomResourceDefinition YAML text (one or many documents) to serve from the start.</summary>
    public IList<string> CrdYaml { get; } = [];

    /// <summary>
    /// Adds CustomResourceDefinition YAML texts to <see cref="CrdYaml"/>, for CRDs a package embeds: with the CapiSdk
    /// package, <c>options.AddCrds(CapiSdk.CapiSdkCrds.Yaml)</c> serves every kind it has models for.
    /// </summary>
    /// <param name="yaml">The YAML texts (one or many documents each).</param>
    /// <returns>These options.</returns>
    public KubeApiServerOptions AddCrds(IEnumerable<string> yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        foreach (var text in yaml)
        {
            CrdYaml.Add(text ?? throw new ArgumentException("A CRD YAML text is null.", nameof(yaml)));
        }
        return this;
    }

    /// <summary>Namespaces that exist from the start. Default: default, kube-system, kube-public, kube-node-lease.</summary>
    public IList<string> Namespaces { get; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>How many events the watch history keeps; a watch from an older resourceVersion gets 410 Gone (Expired). Default 10,000.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>How often a watch with allowWatchBookmarks=true receives a BOOKMARK when idle. Default one minute, as the real server.</summary>
    public TimeSpan WatchBookmarkInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When garbage collection runs. Default <see cref="GarbageCollectionMode.Asynchronous"/>, as in a cluster: wait for
    /// dependents to go (e.g. <c>server.Changes</c>' <c>WaitForAsync</c>) instead of expecting them gone when a delete returns.
    /// </summary>
    public GarbageCollectionMode GarbageCollection { get; set; } = GarbageCollectionMode.Asynchronous;

    /// <summary>
    /// With <see cref="GarbageCollectionMode.Asynchronous"/>, how long the collector waits after the change that
    /// triggered it before it runs. Default zero: as soon as the background worker gets to it.
    /// </summary>
    public TimeSpan GarbageCollectionDelay { get; set; }

    /// <summary>Directory for the kubeconfig file; default a new directory under the system temp path, deleted on dispose.</summary>
    public string? KubeconfigDirectory { get; set; }

    /// <summary>Seed for the random choices of fault rules with a rate below 1, for reproducible tests.</summary>
    public int? FaultSeed { get; set; }

    /// <summary>
    /// Converters between the versions of a custom resource, keyed by <c>Kind.group</c> (e.g. <c>Cluster.cluster.x-k8s.io</c>):
    /// in-process stand-ins for conversion webhooks, used whatever the CRD's <c>spec.conversion.strategy</c>. Kinds without
    /// one are converted as strategy None does (apiVersion rewritten, fields the target version does not declare pruned).
    /// </summary>
    public IDictionary<string, Conversion.CustomResourceConverter> Converters { get; } = new Dictionary<string, Conversion.CustomResourceConverter>(StringComparer.Ordinal);

    /// <summary>
    /// The conversion webhook stand-in for CRDs with <c>spec.conversion.strategy: Webhook</c> that have no entry in
    /// <see cref="Converters"/>. Null (the default): converting such a kind fails as an unreachable webhook does (500).
    /// </summary>
    public Conversion.CustomResourceConverter? ConversionWebhook { get; set; }

    /// <summary>The clock for creationTimestamp, deletionTimestamp and managedFields times. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
