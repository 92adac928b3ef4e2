namespace CapiSdk.Client;

/// <summary>What a watch event says happened. (KubernetesClient's own enum is not in KubernetesClient.Aot.)</summary>
public enum WatchEventKind
{
    /// <summary>The object appeared (or was listed).</summary>
    Added,

    /// <summary>The object changed.</summary>
    Modified,

    /// <summary>The object is gone; the event carries its last state.</summary>
    Deleted,

    /// <summary>No change: the stream has reached this resourceVersion (or, after a list, is synced).</summary>
    Bookmark,
}
