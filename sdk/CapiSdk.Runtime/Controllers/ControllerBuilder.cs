using CapiSdk.Client;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Metrics;
using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.Controllers;

/// <summary>
/// Builds a <see cref="Controller{T}"/>: the primary kind (<c>For</c>, given to the constructor), the kinds it
/// owns (<see cref="Owns{TOwned}"/>), other kinds mapped to primary objects (<see cref="Watches{TOther}"/>),
/// predicates and concurrency. Informers come from the shared <see cref="InformerFactory"/>.
/// </summary>
/// <typeparam name="T">The primary kind.</typeparam>
public sealed class ControllerBuilder<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly InformerFactory _informers;
    private readonly IResourceClient<T> _client;
    private readonly List<EventPredicate> _predicates = [];
    private readonly List<Action<Action<ReconcileRequest>, ILogger, string>> _sources = [];
    private readonly List<IInformer> _watched = [];
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private IRuntimeMetrics _metrics = NullRuntimeMetrics.Instance;
    private WorkQueueOptions _queueOptions = new();
    private string _name;
    private int _maxConcurrentReconciles = 1;

    /// <summary>Starts a controller for a primary kind (controller-runtime's <c>For</c>).</summary>
    /// <param name="informers">Where informers are shared.</param>
    /// <param name="client">The primary kind's typed client.</param>
    public ControllerBuilder(InformerFactory informers, IResourceClient<T> client)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(client);
        _informers = informers;
        _client = client;
        _name = client.Resource.Kind.ToLowerInvariant();
    }

    /// <summary>The controller's name in logs and metrics; the primary kind in lower case by default.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
        return this;
    }

    /// <summary>Adds a predicate on the primary kind's events (all predicates must pass).</summary>
    /// <param name="predicate">The predicate, such as <see cref="Predicates.GenerationChanged"/>.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> WithPredicate(EventPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        _predicates.Add(predicate);
        return this;
    }

    /// <summary>
    /// Watches a kind the primary kind creates: an event on an owned object queues its controlling owner (the
    /// ownerReference with <c>controller: true</c> whose kind and API group are the primary's); on an update
    /// that changes the owner, both the old and the new owner.
    /// </summary>
    /// <typeparam name="TOwned">The owned kind.</typeparam>
    /// <param name="client">The owned kind's typed client.</param>
    /// <param name="predicates">Predicates on the owned kind's events.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> Owns<TOwned>(IResourceClient<TOwned> client, params EventPredicate[] predicates)
        where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        var owner = _client.Resource;
        return Watches(client, owned => OwnerRequests(owner, owned), predicates);
    }

    /// <summary>Watches any kind, mapping each of its objects to the primary objects to reconcile.</summary>
    /// <typeparam name="TOther">The watched kind.</typeparam>
    /// <param name="client">The watched kind's typed client.</param>
    /// <param name="map">The primary objects an object concerns (on updates, called with old and new).</param>
    /// <param name="predicates">Predicates on the watched kind's events.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> Watches<TOther>(IResourceClient<TOther> client, Func<TOther, IEnumerable<ReconcileRequest>> map, params EventPredicate[] predicates)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(map);
        var informer = _informers.GetOrCreate(client);
        _watched.Add(informer);
        _sources.Add((enqueue, logger, name) => Connect(informer, map, [.. predicates], enqueue, logger, name));
        return this;
    }

    /// <summary>How many reconciles may run at once (default 1); one key is never reconciled twice at once.</summary>
    /// <param name="count">At least 1.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> WithMaxConcurrentReconciles(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _maxConcurrentReconciles = count;
        return this;
    }

    /// <summary>The work queue's backoff, rate limit and clock (its name and metrics are the controller's).</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> WithQueueOptions(WorkQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queueOptions = options;
        return this;
    }

    /// <summary>Where the controller logs (the reconciler's scope carries controller, namespace and name).</summary>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> WithLogging(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Where the controller's reconcile and queue metrics go.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <returns>This builder.</returns>
    public ControllerBuilder<T> WithMetrics(IRuntimeMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
        return this;
    }

    /// <summary>Builds the controller and connects its event handlers; run it with <see cref="Controller{T}.RunAsync"/> or a <see cref="ControllerManager"/>.</summary>
    /// <param name="reconciler">The reconciler.</param>
    /// <returns>The controller.</returns>
    public Controller<T> Build(IReconciler<T> reconciler)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        var primary = _informers.GetOrCreate(_client);
        var logger = _loggerFactory.CreateLogger("CapiSdk.Runtime.Controller." + _name);
        var informers = new List<IInformer> { primary };
        informers.AddRange(_watched.Where(i => !ReferenceEquals(i, primary)));
        EventPredicate[] predicates = [.. _predicates];
        var controller = new Controller<T>(_name, primary, reconciler, item => Array.TrueForAll(predicates, p => p.Create(item)), informers.Distinct().ToList(), _maxConcurrentReconciles, _queueOptions, _metrics, logger);
        Connect(primary, item => [ReconcileRequest.For(item)], predicates, controller.Enqueue, logger, _name);
        foreach (var source in _sources)
        {
            source(controller.Enqueue, logger, _name);
        }

        return controller;
    }

    private static IEnumerable<ReconcileRequest> OwnerRequests<TOwned>(ResourceDescriptor owner, TOwned owned)
        where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        if (owned.Metadata?.OwnerReferences is not { } references)
        {
            yield break;
        }

        foreach (var reference in references)
        {
            if (reference.Controller == true && reference.Kind == owner.Kind && GroupOf(reference.ApiVersion) == owner.Group && !string.IsNullOrEmpty(reference.Name))
            {
                yield return new ReconcileRequest(owner.Namespaced ? owned.Metadata.NamespaceProperty : null, reference.Name);
            }
        }
    }

    private static string GroupOf(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash < 0 ? string.Empty : apiVersion![..slash];
    }

    private static void Connect<TSource>(
        SharedInformer<TSource> informer,
        Func<TSource, IEnumerable<ReconcileRequest>> map,
        EventPredicate[] predicates,
        Action<ReconcileRequest> enqueue,
        ILogger logger,
        string controller)
        where TSource : class, IKubernetesObject<V1ObjectMeta>
    {
        void Enqueue(TSource item)
        {
            try
            {
                foreach (var request in map(item))
                {
                    enqueue(request);
                }
            }
            catch (Exception exception)
            {
                ControllerLog.MapFailed(logger, exception, informer.Client.Resource.Kind, item.Metadata?.Name ?? string.Empty, controller);
            }
        }

        informer.AddEventHandler(
            onAdd: item =>
            {
                if (Array.TrueForAll(predicates, p => p.Create(item)))
                {
                    Enqueue(item);
                }
            },
            onUpdate: (old, item) =>
            {
                if (Array.TrueForAll(predicates, p => p.Update(old, item)))
                {
                    Enqueue(old);
                    Enqueue(item);
                }
            },
            onDelete: item =>
            {
                if (Array.TrueForAll(predicates, p => p.Delete(item)))
                {
                    Enqueue(item);
                }
            });
    }
}
