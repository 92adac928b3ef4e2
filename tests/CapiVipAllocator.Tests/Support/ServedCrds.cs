using CapiSdk.Testing;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Tests.Support;

/// <summary>
/// The SDK's CRDs trimmed to chosen versions, as an older Cluster API or IPAM provider installs them: each kind
/// serves only the versions named, and the first named is the storage version.
/// </summary>
internal static class ServedCrds
{
    /// <summary>Replaces the CRD files in <paramref name="options"/> with copies serving only these versions.</summary>
    /// <param name="options">The server options holding the SDK's CRD files.</param>
    /// <param name="cluster">Cluster and ClusterClass versions (cluster.x-k8s.io).</param>
    /// <param name="claims">IPAddressClaim and IPAddress versions.</param>
    /// <param name="pools">InClusterIPPool and GlobalInClusterIPPool versions.</param>
    public static void Only(KubeApiServerOptions options, string[] cluster, string[] claims, string[] pools)
    {
        foreach (var file in options.CrdFiles.ToList())
        {
            var name = Path.GetFileName(file);
            var versions = name switch
            {
                "clusters.yaml" or "clusterclasses.yaml" => cluster,
                "ipaddressclaims.yaml" or "ipaddresses.yaml" => claims,
                "inclusterippools.yaml" or "globalinclusterippools.yaml" => pools,
                _ => throw new ArgumentException($"no versions chosen for {file}"),
            };
            options.CrdFiles.Remove(file);
            options.CrdYaml.Add(Trim(File.ReadAllText(file), versions));
        }
    }

    // Read as a whole (the files share schemas between versions through YAML anchors), then written as JSON.
    private static string Trim(string yaml, string[] versions)
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(yaml);
        Assert.True(versions.All(v => crd.Spec.Versions.Any(x => x.Name == v)), $"{crd.Metadata.Name} lacks one of {string.Join(", ", versions)}");
        crd.Spec.Versions = [.. crd.Spec.Versions.Where(v => versions.Contains(v.Name))];
        foreach (var version in crd.Spec.Versions)
        {
            version.Storage = version.Name == versions[0];
        }

        return KubernetesJson.Serialize(crd);
    }
}
