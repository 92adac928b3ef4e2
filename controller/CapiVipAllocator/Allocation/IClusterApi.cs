namespace CapiVipAllocator.Allocation;

/// <summary>The Cluster API version the server serves (v1beta2 or v1beta1): cache reads and the two writes.</summary>
internal interface IClusterApi
{
    /// <summary>The apiVersion written in apply bodies, e.g. <c>cluster.x-k8s.io/v1beta2</c>.</summary>
    string ApiVersion { get; }

    /// <summary>True for v1beta1, whose metav1 conditions live in <c>status.v1beta2.conditions</c>.</summary>
    bool ConditionsUnderV1Beta2 { get; }

    /// <summary>The Cluster from the informer cache, or null.</summary>
    ClusterFacts? Cached(string @namespace, string name);

    /// <summary>Every cached Cluster.</summary>
    IEnumerable<ClusterFacts> CachedAll();

    /// <summary>The Cluster read from the server, or null when it does not exist.</summary>
    Task<ClusterFacts?> GetAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Server-side apply (forced, this controller's field manager) of metadata and spec.</summary>
    Task<ClusterFacts> ApplyAsync(string @namespace, string name, string body, CancellationToken cancellationToken);

    /// <summary>Server-side apply (forced) of the status subresource.</summary>
    Task<ClusterFacts> ApplyStatusAsync(string @namespace, string name, string body, CancellationToken cancellationToken);
}
