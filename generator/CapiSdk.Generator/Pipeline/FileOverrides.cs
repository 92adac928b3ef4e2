using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>What one file's AdditionalFiles metadata overrides; null means "use the project's setting".</summary>
internal sealed record FileOverrides(
    string? Namespace,
    VersionSelection? Versions,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<TypeNameMapping> TypeNames = default,
    EquatableArray<string>? KubernetesTypes = null);
