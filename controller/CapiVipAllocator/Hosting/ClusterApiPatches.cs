using CapiSdk.Client;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiVipAllocator.Hosting;

/// <summary>The apply calls of each Cluster API version's typed client, as one delegate shape.</summary>
internal static class ClusterApiPatches
{
    /// <summary>Applies <c>body</c> to a Cluster (or its <c>subresource</c>) with the given options.</summary>
    public delegate Task<T> Patch<T>(string @namespace, string name, string body, string? subresource, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>v1beta2.</summary>
    public static Patch<V1Beta2.Cluster> For(V1Beta2.ClusterClient client) => (ns, name, body, sub, options, ct) => sub is null
        ? client.PatchAsync(ns, name, PatchFormat.Apply, body, options, ct)
        : client.PatchStatusAsync(ns, name, PatchFormat.Apply, body, options, ct);

    /// <summary>v1beta1.</summary>
    public static Patch<V1Beta1.Cluster> For(V1Beta1.ClusterClient client) => (ns, name, body, sub, options, ct) => sub is null
        ? client.PatchAsync(ns, name, PatchFormat.Apply, body, options, ct)
        : client.PatchStatusAsync(ns, name, PatchFormat.Apply, body, options, ct);
}
