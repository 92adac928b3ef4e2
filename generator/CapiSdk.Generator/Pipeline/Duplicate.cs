namespace CapiSdk.Generator.Pipeline;

/// <summary>A resource version defined again in <paramref name="FilePath"/>, first defined in <paramref name="FirstFilePath"/>.</summary>
internal sealed record Duplicate(string Key, string FilePath, string FirstFilePath);
