namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>DiscoveryRequest</c>: sent when Cluster API reconciles the ExtensionConfig.</summary>
public sealed class DiscoveryRequest : HookRequest;
