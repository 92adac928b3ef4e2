namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// <c>BeforeClusterCreateRequest</c>: sent right before the objects of a Cluster's managed topology are created
/// (only for Clusters with a topology). Blocking: a non-zero <see cref="RetryHookResponse.RetryAfterSeconds"/> holds
/// the creation.
/// </summary>
public sealed class BeforeClusterCreateRequest : ClusterHookRequest;
