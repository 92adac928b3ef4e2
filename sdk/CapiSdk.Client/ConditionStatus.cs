namespace CapiSdk.Client;

/// <summary>The status of a condition: the three values the API conventions allow.</summary>
public enum ConditionStatus
{
    /// <summary><c>True</c>: the condition holds.</summary>
    True,

    /// <summary><c>False</c>: the condition does not hold.</summary>
    False,

    /// <summary><c>Unknown</c>: it cannot be told (yet).</summary>
    Unknown,
}
