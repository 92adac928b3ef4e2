namespace CapiSdk.Client;

/// <summary>
/// A kind whose status holds a standard conditions list (<c>status.conditions</c>, each a condition with a
/// <c>type</c>, a <c>status</c> and a <c>lastTransitionTime</c>). CapiSdk.Generator makes every such kind implement
/// it, those of your own CRDs too, so <see cref="ConditionExtensions"/> reads and sets conditions on the object
/// itself: <c>cluster.SetCondition("Ready", ConditionStatus.True, "Provisioned")</c>, with no <c>Status ??=</c> first.
/// </summary>
/// <typeparam name="TCondition">The kind's condition type.</typeparam>
public interface IHasConditions<TCondition> : IHasConditions
    where TCondition : class, IKubernetesCondition
{
    /// <summary>The conditions, or null while the object has no status or no conditions.</summary>
    new IList<TCondition>? Conditions { get; }

    /// <inheritdoc/>
    IEnumerable<IKubernetesCondition>? IHasConditions.Conditions => Conditions;

    /// <summary>The conditions list, creating the status and the list when they are missing.</summary>
    IList<TCondition> EnsureConditions();
}
