using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using k8s;
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
    private readonly IKubernetes? _kubernetes;
    private X509Certificate2? _selfSigned;
    private SecretServingCertificate? _secret;
    private string? _caBundlePem;

    /// <summary>Creates the server; it listens once started.</summary>
    /// <param name="options">Where to listen and which certificate to present.</param>
    /// <param name="logger">Logs failures and rejected requests; none when null.</param>
    /// <param name="kubernetes">With <see cref="RuntimeExtensionOptions.SelfSigned"/>: where the certificate Secret is kept, shared by every replica; without it, a CA in memory (one replica only).</param>
    public RuntimeExtensionServer(RuntimeExtensionOptions options, ILogger<RuntimeExtensionServer>? logger = null, IKubernetes? kubernetes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _kubernetes = kubernetes;
    }

    /// <summary>The address the server listens on (127.0.0.1 when bound to every interface; the real port when <see cref="RuntimeExtensionOptions.Port"/> was 0); null until started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>True from the moment the server listens until it stops: its readiness.</summary>
    public bool IsReady => _app is not null;

    /// <summary>
    /// The PEM CA bundle Cluster API must trust to call this server (<c>spec.clientConfig.caBundle</c>, base64): with
    /// <see cref="RuntimeExtensionOptions.SelfSigned"/> the <c>ca.crt</c> of the certificate Secret (or the CA made in
    /// memory), else the <c>ca.crt</c> next to the mounted certificate when there is one; null otherwise or before start.
    /// It changes only when the Secret's CA is rotated (by any replica).
    /// </summary>
    public string? CaBundlePem => _secret?.CaBundlePem ?? _caBundlePem;

    /// <summary>Called with the new <see cref="CaBundlePem"/> when the certificate Secret gets another CA; the hosted server writes it to the ExtensionConfig.</summary>
    internal Func<string, CancellationToken, Task>? CaBundleChanged { get; set; }

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

        if (!IPAddress.TryParse(_options.Host, out var bind))
        {
            throw new ArgumentException($"RuntimeExtensionOptions.Host '{_options.Host}' is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every interface) or 127.0.0.1.");
        }

        Func<X509Certificate2> certificate = await LoadCertificateAsync(cancellationToken).ConfigureAwait(false);
        var discovery = RuntimeHooks.Discovery;
        var discoveryEndpoint = new HookEndpoint<DiscoveryRequest, DiscoveryResponse>(
            discovery, new ExtensionHandler(string.Empty, new GroupVersionHook(RuntimeHooks.ApiVersion, discovery.Name), null, null), RuntimeHooks.DiscoveryPath, Discover, _logger);
        _endpoints[discoveryEndpoint.Path] = discoveryEndpoint;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(bind, _options.Port, listen =>
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
        var host = bind switch
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
        if (_secret is { } secret)
        {
            _caBundlePem = secret.CaBundlePem; // still readable once stopped
            _secret = null;
            await secret.DisposeAsync().ConfigureAwait(false);
        }

        _selfSigned?.Dispose();
        _selfSigned = null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    private async Task<Func<X509Certificate2>> LoadCertificateAsync(CancellationToken cancellationToken)
    {
        if (_options.SelfSigned && _kubernetes is not null)
        {
            var ns = _options.ServiceNamespace is { Length: > 0 } n ? n : throw new ArgumentException(
                "RuntimeExtensionOptions.ServiceNamespace is required with SelfSigned: the certificate Secret every replica shares is kept in that namespace.");
            var name = _options.SecretName is { Length: > 0 } given ? given
                : _options.ServiceName is { Length: > 0 } service ? service + "-runtime-extension-cert"
                : throw new ArgumentException("RuntimeExtensionOptions.ServiceName or SecretName is required with SelfSigned: the certificate Secret is named {ServiceName}-runtime-extension-cert by default.");
            var store = new CertificateSecretStore(_kubernetes, name, ns, ServingNames.DnsNames(_options), TimeProvider.System, _logger);
            var secret = await SecretServingCertificate.StartAsync(store, _options.SecretRefreshInterval, TimeProvider.System, _logger, cancellationToken).ConfigureAwait(false);
            secret.CaBundleChanged = (pem, ct) => CaBundleChanged?.Invoke(pem, ct) ?? Task.CompletedTask;
            _secret = secret;
            return () => secret.Current;
        }

        if (_options.SelfSigned)
        {
            RuntimeExtensionLog.InMemoryCertificate(_logger);
            using var authority = SelfSignedCertificateAuthority.Create();
            var certificate = authority.IssueServingCertificate(ServingNames.DnsNames(_options), ServingNames.Loopback);
            _selfSigned = certificate;
            _caBundlePem = authority.CertificatePem;
            return () => certificate;
        }

        var files = new ServingCertificateFiles(
            Path.Combine(_options.CertDirectory, _options.CertName), Path.Combine(_options.CertDirectory, _options.KeyName), _logger);
        _files = files;
        var ca = Path.Combine(_options.CertDirectory, "ca.crt");
        _caBundlePem = File.Exists(ca) ? await File.ReadAllTextAsync(ca, cancellationToken).ConfigureAwait(false) : null;
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
