namespace CapiSdk.Generator.Model;

/// <summary>
/// A diagnostic to report, kept as plain values (no <see cref="Microsoft.CodeAnalysis.Location"/>) so the
/// pipeline stays cacheable. <paramref name="Line"/> and <paramref name="Column"/> are zero-based.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, int Line, int Column, EquatableArray<string> Arguments);
