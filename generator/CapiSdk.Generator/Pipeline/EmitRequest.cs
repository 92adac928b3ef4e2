using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>A resource version to emit, with what decides whether to: is it a duplicate, are KubernetesClient and CapiSdk.Client there.</summary>
internal sealed record EmitRequest(ResourceModel Resource, string? DuplicateOf, bool CanEmit);
