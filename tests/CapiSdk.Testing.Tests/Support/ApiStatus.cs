using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>The parts of a metav1 Status a test checks.</summary>
internal sealed record ApiStatus(int Code, string Reason, string Message, JsonObject? Details);
