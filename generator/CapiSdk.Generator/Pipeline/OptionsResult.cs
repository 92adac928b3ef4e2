using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>The project-wide options and the diagnostics reading them produced.</summary>
internal sealed record OptionsResult(GeneratorOptions Options, EquatableArray<DiagnosticInfo> Diagnostics);
