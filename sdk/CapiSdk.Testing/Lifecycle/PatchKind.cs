namespace CapiSdk.Testing.Lifecycle;

/// <summary>The patch formats the server accepts, by Content-Type.</summary>
internal enum PatchKind
{
    /// <summary>application/merge-patch+json</summary>
    Merge,

    /// <summary>application/json-patch+json</summary>
    Json,

    /// <summary>application/apply-patch+yaml (server-side apply)</summary>
    Apply,

    /// <summary>application/strategic-merge-patch+json, treated as a merge patch for built-ins and refused for custom resources.</summary>
    StrategicMerge,
}
