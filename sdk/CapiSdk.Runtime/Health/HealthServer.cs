using System.Net;
using System.Text;
using CapiSdk.Runtime.LeaderElection;
using CapiSdk.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CapiSdk.Runtime.Health;

/// <summary>
/// A small Kestrel server for the kubelet and Prometheus: <c>/healthz</c> (200 while the process serves),
/// <c>/readyz</c> (200 when every <see cref="ReadinessCheck"/> passes, else 503 naming the ones that fail) and
/// <c>/metrics</c> (the Prometheus text format from <see cref="PrometheusRuntimeMetrics"/>). A hosted service, and
/// usable on its own with <see cref="StartAsync"/> and <see cref="StopAsync"/>.
/// </summary>
public sealed class HealthServer : IHostedService, IAsyncDisposable
{
    private readonly HealthServerOptions _options;
    private readonly PrometheusRuntimeMetrics? _metrics;
    private readonly List<ReadinessCheck> _checks = [];
    private readonly Lock _gate = new();
    private WebApplication? _app;

    /// <summary>Creates the server; it listens once started.</summary>
    /// <param name="options">Where to listen.</param>
    /// <param name="metrics">The metrics served on <c>/metrics</c>; null to answer 404 there.</param>
    public HealthServer(HealthServerOptions options, PrometheusRuntimeMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _metrics = metrics;
    }

    /// <summary>The address the server listens on (with the real port when <see cref="HealthServerOptions.Port"/> was 0); null until started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Adds a condition <c>/readyz</c> requires. May be called before or after start.</summary>
    /// <param name="name">What is checked; named in the 503 body.</param>
    /// <param name="isReady">True when ready; called on every probe.</param>
    public void AddReadinessCheck(string name, Func<bool> isReady)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(isReady);
        lock (_gate)
        {
            _checks.Add(new ReadinessCheck(name, isReady));
        }
    }

    /// <summary>
    /// Makes <c>/readyz</c> require the elector to be healthy — leading, or standing by with answers from the API
    /// server (<see cref="LeaseLeaderElector.IsHealthy"/>) — under the check name <c>leader-election</c>.
    /// </summary>
    /// <param name="elector">The elector.</param>
    public void AddLeaderElectionCheck(LeaseLeaderElector elector)
    {
        ArgumentNullException.ThrowIfNull(elector);
        AddReadinessCheck("leader-election", () => elector.IsHealthy);
    }

    /// <summary>Binds and starts serving.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the server listens.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The health server is already started.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(_options.Host), _options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGet("/healthz", context => WriteTextAsync(context, StatusCodes.Status200OK, "ok\n"));
        app.MapGet("/readyz", ServeReadyAsync);
        app.MapGet("/metrics", ServeMetricsAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound.Replace("://[::]", "://[::1]", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Stops serving.</summary>
    /// <param name="cancellationToken">Makes the stop ungraceful.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var app = _app;
        _app = null;
        if (app is null)
        {
            return;
        }

        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private static Task WriteTextAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    }

    private Task ServeReadyAsync(HttpContext context)
    {
        ReadinessCheck[] checks;
        lock (_gate)
        {
            checks = [.. _checks];
        }

        var failing = new List<string>();
        foreach (var check in checks)
        {
            bool ready;
            try
            {
                ready = check.IsReady();
            }
#pragma warning disable CA1031 // A throwing check is a failing check, reported by name.
            catch (Exception)
#pragma warning restore CA1031
            {
                ready = false;
            }

            if (!ready)
            {
                failing.Add(check.Name);
            }
        }

        return failing.Count == 0
            ? WriteTextAsync(context, StatusCodes.Status200OK, "ok\n")
            : WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, $"not ready: {string.Join(", ", failing)}\n");
    }

    private async Task ServeMetricsAsync(HttpContext context)
    {
        if (_metrics is null)
        {
            await WriteTextAsync(context, StatusCodes.Status404NotFound, "metrics are not configured\n").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusRuntimeMetrics.ContentType;
        await _metrics.WriteAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
