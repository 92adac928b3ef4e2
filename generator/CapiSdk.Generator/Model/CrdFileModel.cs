namespace CapiSdk.Generator.Model;

/// <summary>What one AdditionalFile yielded: the resource versions to emit and the diagnostics to report.</summary>
internal sealed record CrdFileModel(
    string Path,
    EquatableArray<ResourceModel> Resources,
    EquatableArray<DiagnosticInfo> Diagnostics);
