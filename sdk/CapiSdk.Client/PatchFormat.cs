namespace CapiSdk.Client;

/// <summary>The patch formats the API server accepts.</summary>
public enum PatchFormat
{
    /// <summary>JSON merge patch (RFC 7386): <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary>JSON patch (RFC 6902), a list of operations: <c>application/json-patch+json</c>.</summary>
    Json,

    /// <summary>Server-side apply: <c>application/apply-patch+yaml</c>; needs a field manager.</summary>
    Apply,
}
