using System.Text.Json.Serialization;

namespace CapiVipAllocator.Versions;

/// <summary>JSON metadata of the CRD summaries (source-generated: no reflection).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CrdSummary))]
[JsonSerializable(typeof(CrdSummaryList))]
internal sealed partial class VersionJsonContext : JsonSerializerContext;
