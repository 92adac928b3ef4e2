namespace CapiSdk.Client;

/// <summary>One event of a watch.</summary>
/// <typeparam name="T">The kind.</typeparam>
/// <param name="Type">Added, Modified, Deleted or Bookmark.</param>
/// <param name="Object">The object after the change (for Deleted, its last state; for Bookmark, only its resourceVersion).</param>
public sealed record WatchEvent<T>(WatchEventKind Type, T Object);
