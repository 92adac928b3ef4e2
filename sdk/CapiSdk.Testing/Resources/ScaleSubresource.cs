namespace CapiSdk.Testing.Resources;

/// <summary>A CRD version's <c>subresources.scale</c>: where the replicas and the label selector live.</summary>
internal sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
