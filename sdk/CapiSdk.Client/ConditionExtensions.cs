namespace CapiSdk.Client;

/// <summary>
/// Reading and setting conditions by type, with the transition-time rule of the API conventions: on the object
/// itself (any kind that implements <see cref="IHasConditions{TCondition}"/>, or <see cref="IHasConditions"/> where
/// the condition type is not known) or on a conditions list.
/// </summary>
public static class ConditionExtensions
{
    /// <summary>The object's condition of that type, or null (also when it has no status yet).</summary>
    /// <typeparam name="TCondition">The kind's condition type.</typeparam>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type, such as <c>Ready</c>.</param>
    public static TCondition? GetCondition<TCondition>(this IHasConditions<TCondition> value, string type)
        where TCondition : class, IKubernetesCondition => ConditionsOf(value).Find(type);

    /// <summary>The object's condition of that type, or null, on an object whose condition type is not known here.</summary>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type, such as <c>Ready</c>.</param>
    public static IKubernetesCondition? GetCondition(this IHasConditions value, string type) => ConditionsOf(value).Find(type);

    /// <summary>True when the object has a condition of that type with status <c>True</c>; false otherwise (none, <c>False</c>, <c>Unknown</c>).</summary>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type.</param>
    public static bool IsConditionTrue(this IHasConditions value, string type) => ConditionsOf(value).IsTrue(type);

    /// <summary>True when the object has a condition of that type with status <c>False</c>.</summary>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type.</param>
    public static bool IsConditionFalse(this IHasConditions value, string type) => ConditionsOf(value).IsFalse(type);

    /// <summary>
    /// Adds the condition to the object's status, or updates the one of the same type, creating the status and the
    /// list when missing. <c>lastTransitionTime</c> changes only when the status does; returns true when anything
    /// changed, so callers write only then.
    /// </summary>
    /// <typeparam name="TCondition">The kind's condition type.</typeparam>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type.</param>
    /// <param name="status">True, False or Unknown.</param>
    /// <param name="reason">A CamelCase reason.</param>
    /// <param name="message">A message.</param>
    /// <param name="observedGeneration">The generation the condition reflects; null takes the object's <c>metadata.generation</c>.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    public static bool SetCondition<TCondition>(
        this IHasConditions<TCondition> value,
        string type,
        ConditionStatus status,
        string? reason = null,
        string? message = null,
        long? observedGeneration = null,
        TimeProvider? timeProvider = null)
        where TCondition : class, IKubernetesCondition, new()
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.EnsureConditions().Set(type, status, reason, message, observedGeneration ?? value.Metadata?.Generation, timeProvider);
    }

    /// <summary>Removes the object's condition of that type; returns true when there was one.</summary>
    /// <typeparam name="TCondition">The kind's condition type.</typeparam>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type.</param>
    public static bool RemoveCondition<TCondition>(this IHasConditions<TCondition> value, string type)
        where TCondition : class, IKubernetesCondition => ConditionsOf(value) is { } conditions && Remove(conditions, type);

    /// <summary>The condition of that type, or null.</summary>
    /// <typeparam name="TCondition">The condition type.</typeparam>
    /// <param name="conditions">The conditions (null reads as none).</param>
    /// <param name="type">The condition type.</param>
    public static TCondition? Find<TCondition>(this IEnumerable<TCondition>? conditions, string type)
        where TCondition : class, IKubernetesCondition
    {
        if (conditions is null)
        {
            return null;
        }

        foreach (var condition in conditions)
        {
            if (condition is not null && string.Equals(condition.Type, type, StringComparison.Ordinal))
            {
                return condition;
            }
        }

        return null;
    }

    /// <summary>True when the condition of that type has status <c>True</c>; false when it is absent or not True.</summary>
    /// <typeparam name="TCondition">The condition type.</typeparam>
    /// <param name="conditions">The conditions (null reads as none).</param>
    /// <param name="type">The condition type.</param>
    public static bool IsTrue<TCondition>(this IEnumerable<TCondition>? conditions, string type)
        where TCondition : class, IKubernetesCondition => conditions.Find(type)?.Status == "True";

    /// <summary>True when the condition of that type has status <c>False</c>.</summary>
    /// <typeparam name="TCondition">The condition type.</typeparam>
    /// <param name="conditions">The conditions (null reads as none).</param>
    /// <param name="type">The condition type.</param>
    public static bool IsFalse<TCondition>(this IEnumerable<TCondition>? conditions, string type)
        where TCondition : class, IKubernetesCondition => conditions.Find(type)?.Status == "False";

    /// <summary>
    /// Adds the condition, or updates the one of the same type. <c>lastTransitionTime</c> changes only when the
    /// status does (else the existing time is kept); returns true when anything changed, so callers write only then.
    /// </summary>
    /// <typeparam name="TCondition">The condition type.</typeparam>
    /// <param name="conditions">The conditions to change.</param>
    /// <param name="type">The condition type.</param>
    /// <param name="status">True, False or Unknown.</param>
    /// <param name="reason">A CamelCase reason.</param>
    /// <param name="message">A message.</param>
    /// <param name="observedGeneration">The generation the condition reflects.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    public static bool Set<TCondition>(
        this IList<TCondition> conditions,
        string type,
        ConditionStatus status,
        string? reason = null,
        string? message = null,
        long? observedGeneration = null,
        TimeProvider? timeProvider = null)
        where TCondition : class, IKubernetesCondition, new()
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentException.ThrowIfNullOrEmpty(type);
        var wire = ConditionStatusNames.Of(status);
        var existing = conditions.Find(type);
        if (existing is null)
        {
            conditions.Add(new TCondition
            {
                Type = type,
                Status = wire,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = Now(timeProvider),
            });
            return true;
        }

        var changed = existing.Status != wire || existing.Reason != reason || existing.Message != message || existing.ObservedGeneration != observedGeneration;
        if (existing.Status != wire)
        {
            existing.LastTransitionTime = Now(timeProvider);
        }

        existing.Status = wire;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = observedGeneration;
        return changed;
    }

    /// <summary>Removes the condition of that type; returns true when there was one.</summary>
    /// <typeparam name="TCondition">The condition type.</typeparam>
    /// <param name="conditions">The conditions to change.</param>
    /// <param name="type">The condition type.</param>
    public static bool Remove<TCondition>(this IList<TCondition> conditions, string type)
        where TCondition : class, IKubernetesCondition
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = conditions.Find(type);
        return existing is not null && conditions.Remove(existing);
    }

    private static IEnumerable<IKubernetesCondition>? ConditionsOf(IHasConditions value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Conditions;
    }

    private static IList<TCondition>? ConditionsOf<TCondition>(IHasConditions<TCondition> value)
        where TCondition : class, IKubernetesCondition
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Conditions;
    }

    // Kubernetes stores condition times with second precision; keep them so, or every write would differ.
    private static DateTimeOffset Now(TimeProvider? timeProvider)
    {
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
