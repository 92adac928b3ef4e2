namespace CapiSdk.Testing.Lifecycle;

/// <summary>The parts of metav1.DeleteOptions the server honours: propagationPolicy, preconditions and dryRun.</summary>
internal sealed record DeleteRequest(string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun = false);
