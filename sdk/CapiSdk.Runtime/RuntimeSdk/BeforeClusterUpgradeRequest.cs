using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// <c>BeforeClusterUpgradeRequest</c>: sent after <c>spec.topology.version</c> changed and before the new version
/// reaches the Cluster's objects. Blocking: a non-zero <see cref="RetryHookResponse.RetryAfterSeconds"/> holds the upgrade.
/// </summary>
public sealed class BeforeClusterUpgradeRequest : ClusterHookRequest
{
    /// <summary><c>fromKubernetesVersion</c>: the Cluster's current version.</summary>
    [JsonPropertyName("fromKubernetesVersion")]
    public string? FromKubernetesVersion { get; set; }

    /// <summary><c>toKubernetesVersion</c>: the target version.</summary>
    [JsonPropertyName("toKubernetesVersion")]
    public string? ToKubernetesVersion { get; set; }

    /// <summary><c>controlPlaneUpgrades</c>: the control plane's upgrade steps (sent by newer Cluster API releases; null from older ones).</summary>
    [JsonPropertyName("controlPlaneUpgrades")]
    public IList<UpgradeStep>? ControlPlaneUpgrades { get; set; }

    /// <summary><c>workersUpgrades</c>: the workers' upgrade steps (sent by newer Cluster API releases; null from older ones).</summary>
    [JsonPropertyName("workersUpgrades")]
    public IList<UpgradeStep>? WorkersUpgrades { get; set; }
}
