namespace CapiSdk.Runtime.Events;

/// <summary>An event queued by <see cref="EventRecorder.Record"/>, waiting for the writer.</summary>
internal sealed record PendingEvent(EventKey Key, string ResourceVersion, DateTime Timestamp);
