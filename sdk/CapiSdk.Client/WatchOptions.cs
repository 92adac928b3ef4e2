namespace CapiSdk.Client;

/// <summary>Options of a watch.</summary>
public sealed record WatchOptions
{
    /// <summary>A label selector.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>A field selector on <c>metadata.name</c> or <c>metadata.namespace</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>
    /// Start after this resourceVersion. Null starts with the current objects, listed, as <c>ADDED</c> events,
    /// then a bookmark with the list's resourceVersion (seen when <see cref="IncludeBookmarks"/> is set), then changes.
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Pass bookmark events to the caller too (they are always requested and used to resume).</summary>
    public bool IncludeBookmarks { get; init; }

    /// <summary>How long one watch request lasts on the server before it is renewed (the stream itself goes on).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The first wait before reconnecting after a cut stream or a server error; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait before reconnecting.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}
