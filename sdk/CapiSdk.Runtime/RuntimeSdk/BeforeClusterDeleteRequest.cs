namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// <c>BeforeClusterDeleteRequest</c>: sent after a delete is issued on a Cluster and before it and its objects are
/// deleted. Blocking: a non-zero <see cref="RetryHookResponse.RetryAfterSeconds"/> holds the deletion.
/// </summary>
public sealed class BeforeClusterDeleteRequest : ClusterHookRequest;
