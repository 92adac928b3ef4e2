namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>BeforeClusterDeleteResponse</c>: a non-zero <see cref="RetryHookResponse.RetryAfterSeconds"/> holds the deletion.</summary>
public sealed class BeforeClusterDeleteResponse : RetryHookResponse
{
    /// <summary>Creates a <see cref="ResponseStatus.Success"/> response.</summary>
    public BeforeClusterDeleteResponse()
        : base("BeforeClusterDeleteResponse")
    {
    }
}
