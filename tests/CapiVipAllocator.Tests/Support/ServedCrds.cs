using System.Text.Json.Nodes;
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
    /// <summary>
    /// Replaces the CRDs in <paramref name="options"/> with the SDK's Cluster, ClusterClass and IPAM CRDs serving only
    /// these versions (the SDK's other kinds are left out: they would make the server serve newer versions of the group).
    /// </summary>
    /// <param name="options">The server options.</param>
    /// <param name="cluster">Cluster and ClusterClass versions (cluster.x-k8s.io).</param>
    /// <param name="claims">IPAddressClaim and IPAddress versions.</param>
    /// <param name="pools">InClusterIPPool and GlobalInClusterIPPool versions.</param>
    public static void Only(KubeApiServerOptions options, string[] cluster, string[] claims, string[] pools)
    {
        options.CrdFiles.Clear();
        options.CrdYaml.Clear();
        foreach (var (path, yaml) in CapiSdk.CapiSdkCrds.Files)
        {
            string[]? versions = Path.GetFileName(path) switch
            {
                "clusters.yaml" or "clusterclasses.yaml" when path.StartsWith("cluster.x-k8s.io/", StringComparison.Ordinal) => cluster,
                "ipaddressclaims.yaml" or "ipaddresses.yaml" => claims,
                "inclusterippools.yaml" or "globalinclusterippools.yaml" => pools,
                _ => null,
            };
            if (versions is not null)
            {
                options.CrdYaml.Add(Trim(yaml, versions));
            }
        }
    }

    /// <summary>
    /// The <c>spec.versions</c> of the SDK's CRD <paramref name="crdName"/> (say <c>clusters.cluster.x-k8s.io</c>) for a
    /// CRD upgrade at run time: <paramref name="served"/> served (the first is the storage version) and
    /// <paramref name="unserved"/> kept but no longer served, as an upgrade or a downgrade leaves them.
    /// </summary>
    public static JsonArray Versions(string crdName, string[] served, string[]? unserved = null)
    {
        var (plural, group) = (crdName[..crdName.IndexOf('.', StringComparison.Ordinal)], crdName[(crdName.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var yaml = CapiSdk.CapiSdkCrds.Files.Single(f => f.Key == group + "/" + plural + ".yaml").Value;
        var crd = JsonNode.Parse(Trim(yaml, [.. served, .. unserved ?? []]))!;
        foreach (var version in crd["spec"]!["versions"]!.AsArray())
        {
            version!["served"] = served.Contains((string?)version["name"]);
        }

        return (JsonArray)crd["spec"]!["versions"]!.DeepClone();
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
