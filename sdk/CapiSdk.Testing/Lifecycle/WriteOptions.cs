namespace CapiSdk.Testing.Lifecycle;

/// <summary>Per-request write options: the field manager, the fieldValidation directive (Strict, Warn, Ignore), apply's force, and dryRun=All.</summary>
internal sealed record WriteOptions(string Manager, string FieldValidation, bool Force, bool DryRun = false);
