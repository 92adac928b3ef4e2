using CapiSdk.Client;
using CapiSdk.Status;

namespace CapiSdk.Models.Runtime.Cluster.V1Beta2;

/// <content>ExtensionConfig V1Beta2: conditions for <see cref="StatusExtensions"/>.</content>
public sealed partial class ExtensionConfig : IHasConditions
{
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Status?.Conditions;
}
