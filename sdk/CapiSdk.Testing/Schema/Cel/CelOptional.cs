namespace CapiSdk.Testing.Schema.Cel;

/// <summary>The value of <c>oldSelf</c> for a rule with <c>optionalOldSelf: true</c>: <c>hasValue()</c>, <c>value()</c>, <c>orValue(x)</c>.</summary>
internal sealed record CelOptional(bool HasValue, object? Value);
