namespace CapiSdk.Testing.Diagnostics;

/// <summary>What happened to an object.</summary>
public enum ChangeType
{
    /// <summary>The object was created.</summary>
    Added,

    /// <summary>The object was changed (including deletionTimestamp being set).</summary>
    Modified,

    /// <summary>The object is gone.</summary>
    Deleted,
}
