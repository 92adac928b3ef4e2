using System.Net;
using System.Text.Json.Nodes;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>What an extension answered.</summary>
internal sealed record HookAnswer(HttpStatusCode Status, Version HttpVersion, string? MediaType, string Text, JsonNode? Json);
