namespace CapiSdk.Testing.Lifecycle;

/// <summary>Per-request write options: the field manager, the fieldValidation directive (Strict, Warn, Ignore) and apply's force.</summary>
internal sealed record WriteOptions(string Manager, string FieldValidation, bool Force);
