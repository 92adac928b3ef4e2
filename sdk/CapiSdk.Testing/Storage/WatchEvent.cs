namespace CapiSdk.Testing.Storage;

/// <summary>Kinds of change the store records, named as on the watch wire.</summary>
internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One change in the store. <see cref="Previous"/> lets selector-filtered watches turn
/// an object leaving the selection into DELETED and one entering it into ADDED, as the real watch cache does.</summary>
internal sealed record WatchEvent(long Revision, WatchEventType Type, StoredObject Object, StoredObject? Previous);
