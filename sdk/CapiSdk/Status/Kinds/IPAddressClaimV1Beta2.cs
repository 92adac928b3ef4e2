using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Ipam.Cluster.V1Beta2;

/// <content>IPAddressClaim V1Beta2: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class IPAddressClaim : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
