using CapiSdk.Client;

namespace CapiSdk.Status;

/// <summary>
/// Readiness and phase of any Cluster API or IPAM object, whatever its kind and version. Conditions by type are
/// CapiSdk.Client's <see cref="ConditionExtensions"/>, on any kind with a conditions list.
/// </summary>
public static class StatusExtensions
{
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
