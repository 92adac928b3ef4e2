using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// A Cluster API Runtime Extension server: HTTPS (Kestrel) on <see cref="RuntimeExtensionOptions.Port"/>, answering
/// the <c>Discovery</c> hook from the handlers registered with <see cref="Handle"/> and each handler at
/// <c>POST /hooks.runtime.cluster.x-k8s.io/v1alpha1/{hook}/{name}</c>. A hosted service, and usable on its own with
/// <see cref="StartAsync"/> and <see cref="StopAsync"/>.
/// </summary>
public sealed partial class RuntimeExtensionServer : IHostedService, IAsyncDisposable
{
    /// <summary>The largest request body read (as Cluster API's own extension server: 20 MiB).</summary>
    public const long MaxRequestBodyBytes = 20L << 20;

    private readonly RuntimeExtensionOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IHookEndpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ExtensionHandler> _handlers = [];
    private WebApplication? _app;
    private ServingCertificateFiles? _files;
    private X509Certificate2? _selfSigned;

    /// <summary>Creates the server; it listens once started.</summary>
    /// <param name="options">Where to listen and which certificate to present.</param>
    /// <param name="logger">Logs failures and rejected requests; none when null.</param>
    public RuntimeExtensionServer(RuntimeExtensionOptions options, ILogger<RuntimeExtensionServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The address the server listens on (127.0.0.1 when bound to every interface; the real port when <see cref="RuntimeExtensionOptions.Port"/> was 0); null until started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>True from the moment the server listens until it stops: its readiness.</summary>
    public bool IsReady => _app is not null;

    /// <summary>
    /// The PEM CA bundle Cluster API must trust to call this server (<c>spec.clientConfig.caBundle</c>, base64): the
    /// generated CA with <see cref="RuntimeExtensionOptions.SelfSigned"/>, else the <c>ca.crt</c> next to the mounted
    /// certificate when there is one; null otherwise or before start.
    /// </summary>
    public string? CaBundlePem { get; private set; }

    /// <summary>The handlers registered so far, as the DiscoveryResponse lists them.</summary>
    public IReadOnlyList<ExtensionHandler> Handlers => _handlers.AsReadOnly();

    /// <summary>Registers a handler of a hook. Register every handler before <see cref="StartAsync"/>.</summary>
    /// <typeparam name="TRequest">The hook's request.</typeparam>
    /// <typeparam name="TResponse">The hook's response.</typeparam>
    /// <param name="hook">The hook, from <see cref="RuntimeHooks"/>.</param>
    /// <param name="name">The handler's name: a DNS-1123 label (lower-case letters, digits, '-'; at most 63), unique in this server across all hooks.</param>
    /// <param name="handler">Answers a request. Return a response with <c>RetryAfterSeconds</c> to block, with <see cref="ResponseStatus.Failure"/> to fail; an exception becomes a Failure response with its message.</param>
    /// <param name="timeoutSeconds">How long Cluster API waits for an answer, 0–30; null for Cluster API's default (10).</param>
    /// <param name="failurePolicy">What Cluster API does when it cannot call the handler; null for its default (<see cref="FailurePolicy.Fail"/>).</param>
    /// <returns>This server.</returns>
    /// <exception cref="ArgumentException">The name is not a DNS-1123 label, is already used, or the timeout is out of range.</exception>
    /// <exception cref="InvalidOperationException">The server is started.</exception>
    public RuntimeExtensionServer Handle<TRequest, TResponse>(
        RuntimeHook<TRequest, TResponse> hook,
        string name,
        Func<TRequest, CancellationToken, Task<TResponse>> handler,
        int? timeoutSeconds = null,
        FailurePolicy? failurePolicy = null)
        where TRequest : HookRequest
        where TResponse : HookResponse, new()
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (_app is not null)
        {
            throw new InvalidOperationException($"Handler '{name}' must be registered before the runtime extension server starts: Cluster API reads the handlers at discovery.");
        }

        if (name.Length > 63 || !Dns1123Label().IsMatch(name))
        {
            throw new ArgumentException($"Handler name '{name}' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63): Cluster API rejects the whole discovery response otherwise.", nameof(name));
        }

        if (timeoutSeconds is < 0 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutSeconds), timeoutSeconds, $"Handler '{name}': timeoutSeconds must be between 0 and 30, as Cluster API requires.");
        }

        if (_handlers.Find(h => h.Name == name) is { } taken)
        {
            throw new ArgumentException($"Handler name '{name}' is already registered (for hook {taken.RequestHook.Hook}): names must be unique across all hooks of an extension.", nameof(name));
        }

        var discovery = new ExtensionHandler(name, new GroupVersionHook(RuntimeHooks.ApiVersion, hook.Name), timeoutSeconds, failurePolicy);
        var endpoint = new HookEndpoint<TRequest, TResponse>(hook, discovery, hook.PathFor(name), handler, _logger);
        _endpoints.Add(endpoint.Path, endpoint);
        _handlers.Add(discovery);
        return this;
    }

    /// <summary>Loads or generates the certificate, binds and starts serving.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the server listens.</returns>
    /// <exception cref="FileNotFoundException">No <see cref="RuntimeExtensionOptions.SelfSigned"/> and the certificate files are missing.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The runtime extension server is already started.");
        }

        Func<X509Certificate2> certificate = LoadCertificate();
        var discovery = RuntimeHooks.Discovery;
        var discoveryEndpoint = new HookEndpoint<DiscoveryRequest, DiscoveryResponse>(
            discovery, new ExtensionHandler(string.Empty, new GroupVersionHook(RuntimeHooks.ApiVersion, discovery.Name), null, null), RuntimeHooks.DiscoveryPath, Discover, _logger);
        _endpoints[discoveryEndpoint.Path] = discoveryEndpoint;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Parse(_options.Host), _options.Port, listen =>
                listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificateSelector = (_, _) => certificate() }));
        });
        var app = builder.Build();
        app.Run(DispatchAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await StopAsync(CancellationToken.None).ConfigureAwait(false); // releases the certificate
            throw;
        }

        _app = app;

        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var host = IPAddress.Parse(_options.Host) switch
        {
            var any when any.Equals(IPAddress.Any) => "127.0.0.1",
            var any when any.Equals(IPAddress.IPv6Any) => "[::1]",
            var ip when ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"[{ip}]",
            var ip => ip.ToString(),
        };
        Address = new Uri($"https://{host}:{port}");
        RuntimeExtensionLog.Started(_logger, Handlers.Count, Address);
    }

    /// <summary>Stops serving.</summary>
    /// <param name="cancellationToken">Makes the stop ungraceful.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var app = _app;
        _app = null;
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _files?.Dispose();
        _files = null;
        _selfSigned?.Dispose();
        _selfSigned = null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    private Func<X509Certificate2> LoadCertificate()
    {
        if (_options.SelfSigned)
        {
            using var authority = SelfSignedCertificateAuthority.Create();
            var certificate = authority.IssueServingCertificate(ServingNames.DnsNames(_options), ServingNames.Loopback);
            _selfSigned = certificate;
            CaBundlePem = authority.CertificatePem;
            return () => certificate;
        }

        var files = new ServingCertificateFiles(
            Path.Combine(_options.CertDirectory, _options.CertName), Path.Combine(_options.CertDirectory, _options.KeyName), _logger);
        _files = files;
        var ca = Path.Combine(_options.CertDirectory, "ca.crt");
        CaBundlePem = File.Exists(ca) ? File.ReadAllText(ca) : null;
        return () => files.Current;
    }

    private Task<DiscoveryResponse> Discover(DiscoveryRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DiscoveryResponse { Handlers = [.. Handlers] });

    private Task DispatchAsync(HttpContext context)
    {
        if (!_endpoints.TryGetValue(context.Request.Path.Value ?? string.Empty, out var endpoint))
        {
            var served = string.Join(", ", _endpoints.Keys.Order(StringComparer.Ordinal));
            return WriteTextAsync(context, StatusCodes.Status404NotFound, $"no Runtime SDK handler at {context.Request.Path}; this extension serves: {served}\n");
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            return WriteTextAsync(context, StatusCodes.Status405MethodNotAllowed, $"{context.Request.Path} answers POST only (Cluster API posts hook requests)\n");
        }

        return endpoint.HandleAsync(context);
    }

    private static Task WriteTextAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    }
}
