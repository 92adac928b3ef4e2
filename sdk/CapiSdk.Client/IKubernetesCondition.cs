namespace CapiSdk.Client;

/// <summary>
/// A Kubernetes condition (<c>metav1.Condition</c> or Cluster API's own): every generated class with a
/// <c>type</c>, a <c>status</c> and a <c>lastTransitionTime</c> implements it, so the helpers in
/// <see cref="ConditionExtensions"/> work on the conditions of any kind. Fields the schema lacks read as null
/// and ignore writes.
/// </summary>
public interface IKubernetesCondition
{
    /// <summary>The condition type, such as <c>Ready</c>.</summary>
    string? Type { get; set; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    string? Status { get; set; }

    /// <summary>A CamelCase reason for the last transition.</summary>
    string? Reason { get; set; }

    /// <summary>A human-readable message.</summary>
    string? Message { get; set; }

    /// <summary>When the status last changed.</summary>
    DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>The object's generation the condition was computed from.</summary>
    long? ObservedGeneration { get; set; }
}
