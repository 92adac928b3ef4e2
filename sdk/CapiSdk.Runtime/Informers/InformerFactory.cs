using CapiSdk.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.Informers;

/// <summary>
/// Hands out one shared informer per kind and namespace, so controllers and reconcilers that watch the same
/// kind share one watch and one cache, and runs them all.
/// </summary>
public sealed class InformerFactory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(Type Type, string? Namespace), IInformer> _informers = [];
    private readonly List<Task> _running = [];
    private readonly InformerOptions _defaults;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private CancellationToken? _runToken;

    /// <summary>Creates a factory.</summary>
    /// <param name="defaults">The options of every informer: the namespace watched (for namespaced kinds), resync, retry delays.</param>
    /// <param name="loggerFactory">Where informers log.</param>
    /// <param name="timeProvider">The clock for resync and retry delays.</param>
    public InformerFactory(InformerOptions? defaults = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _defaults = defaults ?? new InformerOptions();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The informers handed out so far.</summary>
    public IReadOnlyList<IInformer> Informers
    {
        get
        {
            lock (_lock)
            {
                return [.. _informers.Values];
            }
        }
    }

    /// <summary>True when every informer handed out has synced.</summary>
    public bool HasSynced => Informers.All(i => i.HasSynced);

    /// <summary>
    /// The shared informer of a kind, in the factory's namespace (all namespaces for a cluster-scoped kind).
    /// If the factory is running, a new informer starts at once.
    /// </summary>
    /// <typeparam name="T">The kind.</typeparam>
    /// <param name="client">The kind's typed client (used only when the informer is created).</param>
    /// <returns>The informer.</returns>
    public SharedInformer<T> GetOrCreate<T>(IResourceClient<T> client)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = client.Resource.Namespaced ? _defaults : _defaults with { Namespace = null };
        lock (_lock)
        {
            if (_informers.TryGetValue((typeof(T), options.Namespace), out var existing))
            {
                return (SharedInformer<T>)existing;
            }

            var informer = new SharedInformer<T>(client, options, _loggerFactory.CreateLogger<SharedInformer<T>>(), _time);
            _informers[(typeof(T), options.Namespace)] = informer;
            if (_runToken is { } token)
            {
                _running.Add(informer.RunAsync(token));
            }

            return informer;
        }
    }

    /// <summary>Runs every informer (and those handed out later) until cancelled.</summary>
    /// <param name="cancellationToken">Stops the informers.</param>
    /// <returns>A task that completes when all informers stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_runToken is not null)
            {
                throw new InvalidOperationException("The informer factory is already running.");
            }

            _runToken = cancellationToken;
            foreach (var informer in _informers.Values)
            {
                _running.Add(informer.RunAsync(cancellationToken));
            }
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>Waits until every informer handed out so far has synced.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when all have synced.</returns>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Informers.Select(i => i.WaitForSyncAsync(cancellationToken)));
}
