using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>The object a write produced, whether it was created, and warnings for the Warning header.</summary>
internal sealed record WriteResult(JsonObject Object, bool Created, IReadOnlyList<string> Warnings);
