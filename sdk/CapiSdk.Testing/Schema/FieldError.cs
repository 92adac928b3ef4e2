namespace CapiSdk.Testing.Schema;

/// <summary>One field-level error, as it appears in a metav1 Status cause: reason, message and field path.</summary>
internal sealed record FieldError(string Reason, string Message, string Field)
{
    /// <summary>"field: message", the form the Status message lists.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
