namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>What to do with a certificate Secret: serve <paramref name="Result"/>, after writing <paramref name="Data"/> when it is not null.</summary>
/// <param name="Result">The CA bundle and the serving certificate.</param>
/// <param name="Data">The Secret's new data (the four certificate keys set, other keys kept), or null when the Secret is valid as it is.</param>
/// <param name="Reason">Why it is written, for the log; null when it is not.</param>
internal sealed record CertificateSecretPlan(SecretCertificate Result, IDictionary<string, byte[]>? Data, string? Reason);
