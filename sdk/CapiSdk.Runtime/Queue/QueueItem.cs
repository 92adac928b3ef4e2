namespace CapiSdk.Runtime.Queue;

/// <summary>What <see cref="WorkQueue{TKey}.GetAsync"/> hands out: a key to process, or the news that the queue is shut down.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Key">The key to process (default when <paramref name="ShutDown"/> is true); call <see cref="WorkQueue{TKey}.Done"/> with it afterwards.</param>
/// <param name="ShutDown">True when the queue is shut down and hands out no more work.</param>
public readonly record struct QueueItem<TKey>(TKey Key, bool ShutDown);
