using System.Net;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Faults;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Lifecycle;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CapiSdk.Testing;

/// <summary>
/// A Kubernetes API server running inside the current process, over HTTP on 127.0.0.1, for tests.
/// Start one with <see cref="StartAsync"/>; point KubernetesClient at it with <see cref="CreateClient"/>
/// and kubectl with <see cref="KubeconfigPath"/>.
/// </summary>
public sealed class KubeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly ObjectStore _store;
    private readonly string? _ownedDirectory;
    private int _disposed;

    private KubeApiServer(WebApplication app, CancellationTokenSource stopping, ObjectStore store, Uri baseAddress, string kubeconfigPath,
        string? ownedDirectory, FaultInjector faults, LatencyInjector latency, RequestCounters counters, ChangeFeed changes)
    {
        _app = app;
        _stopping = stopping;
        _store = store;
        BaseAddress = baseAddress;
        KubeconfigPath = kubeconfigPath;
        _ownedDirectory = ownedDirectory;
        Faults = faults;
        Latency = latency;
        Counters = counters;
        Changes = changes;
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A kubeconfig file whose current context points at this server (namespace "default").</summary>
    public string KubeconfigPath { get; }

    /// <summary>Faults to inject into requests (500, 503, 429, dropped connections, cut watches).</summary>
    public FaultInjector Faults { get; }

    /// <summary>Latency to add to requests.</summary>
    public LatencyInjector Latency { get; }

    /// <summary>Requests received, by verb and resource.</summary>
    public RequestCounters Counters { get; }

    /// <summary>Every change the server makes to its objects.</summary>
    public ChangeFeed Changes { get; }

    /// <summary>The current (latest) resourceVersion.</summary>
    public long ResourceVersion => _store.CurrentRevision;

    /// <summary>Starts a server.</summary>
    /// <param name="options">Port, CRDs and other settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="InvalidOperationException">A CRD given in the options is not a valid CustomResourceDefinition.</exception>
    /// <exception cref="IOException">The port is in use, or a CRD file cannot be read.</exception>
    public static async Task<KubeApiServer> StartAsync(KubeApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KubeApiServerOptions();
        var store = new ObjectStore(options.WatchHistorySize);
        var registry = new ResourceRegistry();
        var stopping = new CancellationTokenSource();
        var gc = new GarbageCollector(registry, store, options.GarbageCollection, options.GarbageCollectionDelay, options.TimeProvider, stopping.Token);
        var writer = new ObjectWriter(store, options.TimeProvider, gc);
        var deleter = new ObjectDeleter(store, options.TimeProvider, gc);
        gc.Attach(deleter);
        var hooks = new Conversion.ConversionHooks(options.Converters, options.ConversionWebhook);
        var crds = new CrdSync(registry, store, hooks);
        var faults = new FaultInjector(options.FaultSeed);
        var latency = new LatencyInjector();
        var counters = new RequestCounters();
        var changes = new ChangeFeed();
        store.AddListener(changes.OnStoreEvent);

        await InitialState.SeedAsync(writer, registry, options, hooks, cancellationToken).ConfigureAwait(false);

        var watch = new WatchResponder(store, options.WatchBookmarkInterval);
        var handler = new ApiHandler(store, registry, writer, deleter, crds, watch, faults, latency, counters, stopping.Token);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

            var owned = options.KubeconfigDirectory is null ? Path.Combine(Path.GetTempPath(), "capisdk-testing", Guid.NewGuid().ToString("N")) : null;
            var directory = options.KubeconfigDirectory ?? owned!;
            Directory.CreateDirectory(directory);
            var kubeconfig = Path.Combine(directory, "kubeconfig");
            await KubeconfigFile.WriteAsync(kubeconfig, baseAddress, cancellationToken).ConfigureAwait(false);
            return new KubeApiServer(app, stopping, store, baseAddress, kubeconfig, owned, faults, latency, counters, changes);
        }
        catch
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>The KubernetesClient configuration for this server.</summary>
    /// <returns>A new configuration object.</returns>
    public KubernetesClientConfiguration CreateClientConfiguration() => new()
    {
        Host = BaseAddress.ToString().TrimEnd('/'),
        AccessToken = "capisdk-testing",
        Namespace = "default",
    };

    /// <summary>
    /// Compacts the history, as etcd compaction does on a cluster: a watch or list continue token from any
    /// resourceVersion before now gets 410 Gone (Expired), forcing clients to relist. Open watches keep running.
    /// </summary>
    public void CompactHistory() => _store.Compact();

    /// <summary>A KubernetesClient <see cref="IKubernetes"/> talking to this server. The caller disposes it.</summary>
    /// <returns>A new client.</returns>
    public IKubernetes CreateClient() => new Kubernetes(CreateClientConfiguration());

    /// <summary>Stops the server: ends open watches, closes connections, deletes the kubeconfig it wrote.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _store.CompleteAllWatches();
        Changes.Complete();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        if (_ownedDirectory is not null)
        {
            try
            {
                Directory.Delete(_ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a kubectl process may still hold its cache open.
            }
        }
    }
}
