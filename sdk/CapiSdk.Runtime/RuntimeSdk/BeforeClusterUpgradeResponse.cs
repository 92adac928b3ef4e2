namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>BeforeClusterUpgradeResponse</c>: a non-zero <see cref="RetryHookResponse.RetryAfterSeconds"/> holds the upgrade.</summary>
public sealed class BeforeClusterUpgradeResponse : RetryHookResponse
{
    /// <summary>Creates a <see cref="ResponseStatus.Success"/> response.</summary>
    public BeforeClusterUpgradeResponse()
        : base("BeforeClusterUpgradeResponse")
    {
    }
}
