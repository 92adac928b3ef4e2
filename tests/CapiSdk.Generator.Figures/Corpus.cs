namespace CapiSdk.Generator.Figures;

/// <summary>A named set of CRD files built together as one project's AdditionalFiles.</summary>
internal sealed record Corpus(string Name, IReadOnlyList<string> Files);
