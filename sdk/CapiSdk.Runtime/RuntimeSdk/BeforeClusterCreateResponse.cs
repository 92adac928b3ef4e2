namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>BeforeClusterCreateResponse</c>: a non-zero <see cref="RetryHookResponse.RetryAfterSeconds"/> holds the creation of the Cluster's topology.</summary>
public sealed class BeforeClusterCreateResponse : RetryHookResponse
{
    /// <summary>Creates a <see cref="ResponseStatus.Success"/> response.</summary>
    public BeforeClusterCreateResponse()
        : base("BeforeClusterCreateResponse")
    {
    }
}
