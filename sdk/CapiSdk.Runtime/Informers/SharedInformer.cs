using CapiSdk.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.Informers;

/// <summary>
/// A typed cache of one kind (in one namespace or all), fed by the typed client's list + watch, with event
/// handlers and indexes. The watch resumes cut streams from the last resourceVersion and relists on 410 Gone,
/// delivering what changed meanwhile (deletes included, with the last known object); when the stream itself
/// fails (an error while listing), the informer lists again and turns the difference with its cache into events.
/// Handlers run one event at a time, in order; keep them short (enqueue work), exceptions are logged.
/// </summary>
/// <typeparam name="T">The kind.</typeparam>
public sealed class SharedInformer<T> : IInformer, IReadOnlyStore<T>, INotServedReport
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ObjectStore<T> _store = new();
    private readonly Lock _dispatch = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EventHandlerSet<T>[] _handlers = [];
    private int _started;
    private volatile string? _notServed;

    /// <summary>Creates an informer; it does nothing until <see cref="RunAsync"/>.</summary>
    /// <param name="client">The kind's typed client.</param>
    /// <param name="options">Namespace, selector, resync and retry delays; null for all namespaces, no resync.</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="timeProvider">The clock for resync and retry delays.</param>
    public SharedInformer(IResourceClient<T> client, InformerOptions? options = null, ILogger<SharedInformer<T>>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new InformerOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        Name = client.Resource.Plural + (client.Resource.Group.Length == 0 ? string.Empty : "." + client.Resource.Group)
            + (_options.Namespace is null ? string.Empty : " in " + _options.Namespace);
        _store.AddIndexer(Indexers.ByNamespace, Indexers.Namespace);
        _store.AddIndexer(Indexers.ByOwnerUid, Indexers.OwnerUids);
        _store.AddIndexer(Indexers.ByLabel, Indexers.Labels);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The kind's typed client.</summary>
    public IResourceClient<T> Client => _client;

    /// <summary>The namespace watched, or null for all.</summary>
    public string? Namespace => _options.Namespace;

    /// <inheritdoc/>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <inheritdoc/>
    public int Count => _store.Count;

    /// <inheritdoc/>
    string? INotServedReport.NotServed => HasSynced ? null : _notServed;

    /// <summary>Adds (or replaces) an index, computed for every object now and kept up to date.</summary>
    /// <param name="name">The index name, used with <see cref="ByIndex"/>.</param>
    /// <param name="index">The values an object is found under.</param>
    public void AddIndexer(string name, Func<T, IEnumerable<string>> index)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(index);
        _store.AddIndexer(name, index);
    }

    /// <summary>
    /// Registers handlers. Added after the informer started, the add handler is called at once for every
    /// cached object, so a late handler misses nothing.
    /// </summary>
    /// <param name="onAdd">An object appeared (at the first list, or created later).</param>
    /// <param name="onUpdate">An object changed: old and new (the same object on a resync).</param>
    /// <param name="onDelete">An object is gone: its last known state (also for deletes missed while disconnected).</param>
    public void AddEventHandler(Action<T>? onAdd = null, Action<T, T>? onUpdate = null, Action<T>? onDelete = null)
    {
        var set = new EventHandlerSet<T>(onAdd, onUpdate, onDelete);
        lock (_dispatch)
        {
            _handlers = [.. _handlers, set];
            if (onAdd is not null)
            {
                foreach (var item in _store.List())
                {
                    Invoke(() => onAdd(item), "add", item);
                }
            }
        }
    }

    /// <inheritdoc/>
    public T? Get(string key) => _store.Get(key);

    /// <inheritdoc/>
    public T? Get(string? @namespace, string name) => _store.Get(string.IsNullOrEmpty(@namespace) ? name : @namespace + "/" + name);

    /// <inheritdoc/>
    public IReadOnlyList<T> List() => _store.List();

    /// <inheritdoc/>
    public IReadOnlyList<T> ByIndex(string indexName, string value) => _store.ByIndex(indexName, value);

    /// <inheritdoc/>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("Informer " + Name + " is already running.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var resync = _options.ResyncPeriod is { } period && period > TimeSpan.Zero ? ResyncAsync(period, stop.Token) : Task.CompletedTask;
        var delay = _options.InitialRetryDelay;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await WatchOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    Report(exception, delay);
                    try
                    {
                        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    delay = delay + delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay + delay;
                    continue;
                }

                delay = _options.InitialRetryDelay;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await resync.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Logs a failed stream. A 404 on the list means the server does not serve the kind (its CRD is not installed):
    /// said once, clearly, without a stack trace; the retries that follow log at debug level.
    /// </summary>
    private void Report(Exception exception, TimeSpan delay)
    {
        if (exception is KubernetesApiException { StatusCode: 404 } && !HasSynced)
        {
            var resource = _client.Resource;
            var crd = resource.Plural + (resource.Group.Length == 0 ? string.Empty : "." + resource.Group);
            var first = _notServed is null;
            _notServed = $"the API server does not serve {resource.ApiVersion} {resource.Plural} ({resource.Kind}): install the CustomResourceDefinition {crd}";
            if (first)
            {
                InformerLog.NotServed(_logger, Name, resource.ApiVersion, resource.Plural, resource.Kind, crd);
            }
            else
            {
                InformerLog.StillNotServed(_logger, Name, delay);
            }
            return;
        }

        InformerLog.WatchFailed(_logger, exception, Name, delay);
    }

    /// <summary>One stream from the client: a full list (ended by the first bookmark), then changes, until it throws.</summary>
    private async Task WatchOnceAsync(CancellationToken cancellationToken)
    {
        var options = new WatchOptions
        {
            IncludeBookmarks = true,
            LabelSelector = _options.LabelSelector,
            InitialRetryDelay = _options.InitialRetryDelay,
            MaxRetryDelay = _options.MaxRetryDelay,
        };
        HashSet<string>? listed = new(StringComparer.Ordinal);
        await foreach (var change in _client.WatchAsync(_options.Namespace, options, cancellationToken).ConfigureAwait(false))
        {
            var item = change.Object;
            switch (change.Type)
            {
                case WatchEventKind.Bookmark:
                    if (listed is not null)
                    {
                        DeleteUnlisted(listed);
                        listed = null;
                        if (_synced.TrySetResult())
                        {
                            InformerLog.Synced(_logger, Name, _store.Count);
                        }
                    }

                    break;
                case WatchEventKind.Added or WatchEventKind.Modified:
                    var key = ObjectStore<T>.KeyOf(item);
                    listed?.Add(key);
                    Upserted(key, item);
                    break;
                case WatchEventKind.Deleted:
                    Deleted(ObjectStore<T>.KeyOf(item), item);
                    break;
                default:
                    break;
            }
        }
    }

    private void Upserted(string key, T item)
    {
        lock (_dispatch)
        {
            var old = _store.Upsert(key, item);
            if (old is null)
            {
                foreach (var handlers in _handlers)
                {
                    if (handlers.OnAdd is { } onAdd)
                    {
                        Invoke(() => onAdd(item), "add", item);
                    }
                }
            }
            else if (old.Metadata?.ResourceVersion != item.Metadata?.ResourceVersion)
            {
                foreach (var handlers in _handlers)
                {
                    if (handlers.OnUpdate is { } onUpdate)
                    {
                        Invoke(() => onUpdate(old, item), "update", item);
                    }
                }
            }
        }
    }

    private void Deleted(string key, T last)
    {
        lock (_dispatch)
        {
            var old = _store.Remove(key) ?? last;
            foreach (var handlers in _handlers)
            {
                if (handlers.OnDelete is { } onDelete)
                {
                    Invoke(() => onDelete(old), "delete", old);
                }
            }
        }
    }

    /// <summary>After a fresh list: what the cache holds but the list did not is gone.</summary>
    private void DeleteUnlisted(HashSet<string> listed)
    {
        var gone = 0;
        foreach (var key in _store.Keys())
        {
            if (!listed.Contains(key) && _store.Get(key) is { } last)
            {
                gone++;
                Deleted(key, last);
            }
        }

        if (gone > 0)
        {
            InformerLog.MissedDeletes(_logger, Name, gone);
        }
    }

    private async Task ResyncAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!HasSynced)
            {
                continue;
            }

            lock (_dispatch)
            {
                foreach (var item in _store.List())
                {
                    foreach (var handlers in _handlers)
                    {
                        if (handlers.OnUpdate is { } onUpdate)
                        {
                            Invoke(() => onUpdate(item, item), "resync", item);
                        }
                    }
                }
            }
        }
    }

    private void Invoke(Action handler, string @event, T item)
    {
        try
        {
            handler();
        }
        catch (Exception exception)
        {
            InformerLog.HandlerFailed(_logger, exception, Name, @event, ObjectStore<T>.KeyOf(item));
        }
    }
}
