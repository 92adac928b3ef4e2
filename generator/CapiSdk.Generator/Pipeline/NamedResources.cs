using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>Every resource version with its types named and merged, and what naming them reported.</summary>
internal sealed record NamedResources(EquatableArray<ResourceModel> Resources, EquatableArray<DiagnosticInfo> Diagnostics);
