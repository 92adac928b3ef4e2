namespace CapiSdk.Generator.Model;

/// <summary>The settings that apply to one CRD file: its root namespace and which versions to emit.</summary>
internal sealed record GeneratorOptions(string RootNamespace, VersionSelection Versions);
