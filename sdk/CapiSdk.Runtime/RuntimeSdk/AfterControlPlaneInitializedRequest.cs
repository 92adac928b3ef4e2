namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// <c>AfterControlPlaneInitializedRequest</c>: sent once the Cluster's control plane is reachable for the first time.
/// Non-blocking.
/// </summary>
public sealed class AfterControlPlaneInitializedRequest : ClusterHookRequest;
