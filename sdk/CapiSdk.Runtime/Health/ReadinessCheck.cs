namespace CapiSdk.Runtime.Health;

/// <summary>A named condition that must hold for <c>/readyz</c> to answer 200.</summary>
/// <param name="Name">What is checked, e.g. "informers-synced"; named in the 503 body when the check fails.</param>
/// <param name="IsReady">True when ready. Called on every probe; keep it cheap and non-blocking. An exception counts as not ready.</param>
public sealed record ReadinessCheck(string Name, Func<bool> IsReady);
