namespace CapiSdk.Generator.Pipeline;

/// <summary>A resource version's identity (group/version/kind) and the file it came from.</summary>
internal sealed record ResourceKey(string Key, string FilePath);
