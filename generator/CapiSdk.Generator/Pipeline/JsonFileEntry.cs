using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>What the context's root needs of one file's metadata source: the method that registers it and its accessors.</summary>
internal sealed record JsonFileEntry(string FileId, EquatableArray<JsonAccessor> Accessors);
