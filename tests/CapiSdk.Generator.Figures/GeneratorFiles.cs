namespace CapiSdk.Generator.Figures;

/// <summary>The built generator, the YAML library it loads, and the props file that exposes its MSBuild settings.</summary>
internal sealed record GeneratorFiles(string Generator, string YamlDotNet, string Props, string Client);
