using System.Text.Json.Nodes;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>
/// The object a write produced, whether it was created, and warnings for the Warning header; <paramref name="Stored"/>
/// is the stored object when <paramref name="Object"/> is exactly it (its bytes answer the request, no second serialization).
/// </summary>
internal sealed record WriteResult(JsonObject Object, bool Created, IReadOnlyList<string> Warnings, StoredObject? Stored = null);
