using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>A resource version to emit, with what decides whether to: is it a duplicate, is KubernetesClient there.</summary>
internal sealed record EmitRequest(ResourceModel Resource, string? DuplicateOf, bool HasKubernetesClient);
