using CapiSdk.Client;
using CapiSdk.Models;

namespace CapiSdk.Status;

/// <summary>Conditions and phase of any Cluster API or IPAM object, whatever its kind and version.</summary>
public static class StatusExtensions
{
    /// <summary>The condition named <paramref name="type"/>, or null when the object does not have it.</summary>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type, for example <c>Ready</c>.</param>
    public static IKubernetesCondition? GetCondition(this IHasConditions value, string type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Conditions.Find(type);
    }

    /// <summary>True when the condition <paramref name="type"/> has status <c>True</c>.</summary>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type.</param>
    public static bool IsConditionTrue(this IHasConditions value, string type) =>
        string.Equals(value.GetCondition(type)?.Status, "True", StringComparison.Ordinal);

    /// <summary>True when the condition <paramref name="type"/> has status <c>False</c> (absent is neither).</summary>
    /// <param name="value">The object.</param>
    /// <param name="type">The condition type.</param>
    public static bool IsConditionFalse(this IHasConditions value, string type) =>
        string.Equals(value.GetCondition(type)?.Status, "False", StringComparison.Ordinal);

    /// <summary>True when the <c>Ready</c> condition is <c>True</c>.</summary>
    /// <param name="value">The object.</param>
    public static bool IsReady(this IHasConditions value) => value.IsConditionTrue("Ready");

    /// <summary>True when the <c>Available</c> condition is <c>True</c> (v1beta2 kinds report it).</summary>
    /// <param name="value">The object.</param>
    public static bool IsAvailable(this IHasConditions value) => value.IsConditionTrue("Available");

    /// <summary>True when the object reports <paramref name="phase"/> (for example <see cref="MachinePhase.Running"/>).</summary>
    /// <param name="value">The object.</param>
    /// <param name="phase">The phase.</param>
    public static bool IsInPhase(this IHasPhase value, string phase)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Equals(value.Phase, phase, StringComparison.Ordinal);
    }
}
