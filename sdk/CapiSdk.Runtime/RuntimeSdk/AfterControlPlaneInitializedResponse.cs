namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>AfterControlPlaneInitializedResponse</c> (the hook is non-blocking: only <see cref="HookResponse.Status"/> and <see cref="HookResponse.Message"/>).</summary>
public sealed class AfterControlPlaneInitializedResponse : HookResponse
{
    /// <summary>Creates a <see cref="ResponseStatus.Success"/> response.</summary>
    public AfterControlPlaneInitializedResponse()
        : base("AfterControlPlaneInitializedResponse")
    {
    }
}
