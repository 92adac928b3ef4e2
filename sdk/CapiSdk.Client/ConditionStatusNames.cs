namespace CapiSdk.Client;

/// <summary>The wire strings of <see cref="ConditionStatus"/>.</summary>
internal static class ConditionStatusNames
{
    public static string Of(ConditionStatus status) => status switch
    {
        ConditionStatus.True => "True",
        ConditionStatus.False => "False",
        ConditionStatus.Unknown => "Unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A condition status is True, False or Unknown."),
    };
}
