namespace CapiSdk.Runtime.Informers;

/// <summary>What a manager needs of any informer, whatever its kind: run it and know when it has synced.</summary>
public interface IInformer
{
    /// <summary>A name for logs: the resource and the namespace watched.</summary>
    string Name { get; }

    /// <summary>True once the first full list is in the cache (and stays true through reconnects).</summary>
    bool HasSynced { get; }

    /// <summary>Lists and watches until cancelled, reconnecting through errors. Runs once; a second call throws.</summary>
    /// <param name="cancellationToken">Stops the informer.</param>
    /// <returns>A task that completes when stopped.</returns>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Waits until <see cref="HasSynced"/>.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when synced.</returns>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
