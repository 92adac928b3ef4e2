using CapiSdk.Runtime.Health;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// Runs the DI-registered <see cref="RuntimeExtensionServer"/>: starts it, then writes its CA bundle into the
/// configured ExtensionConfig. Adds the <c>runtime-extension</c> readiness check to the <see cref="HealthServer"/>
/// when one is registered (as <c>AddCapiSdkRuntime</c> does), before any hosted service starts.
/// </summary>
internal sealed class RuntimeExtensionHostedService : IHostedService
{
    private readonly RuntimeExtensionServer _server;
    private readonly RuntimeExtensionOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private volatile bool _registered;

    public RuntimeExtensionHostedService(RuntimeExtensionServer server, IOptions<RuntimeExtensionOptions> options, IServiceProvider services, ILogger<RuntimeExtensionServer> logger)
    {
        _server = server;
        _options = options.Value;
        _services = services;
        _logger = logger;
        services.GetService<HealthServer>()?.AddReadinessCheck("runtime-extension", () => IsReady);
        server.CaBundleChanged = ReinjectAsync;
    }

    /// <summary>Serving, with the CA bundle written when an ExtensionConfig is configured.</summary>
    public bool IsReady => _server.IsReady && (_options.ExtensionConfig is null || _registered);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        if (_options.ExtensionConfig is not { } registration)
        {
            return;
        }

        var caBundle = _server.CaBundlePem ?? throw new InvalidOperationException(
            $"No CA bundle to write into ExtensionConfig '{registration.Name}': set CapiSdk:RuntimeExtension:SelfSigned, or mount a ca.crt next to the certificate in {_options.CertDirectory} (cert-manager's Secret has one), or leave ExtensionConfig unset and let cert-manager inject it.");
        await InjectAsync(registration, caBundle, cancellationToken).ConfigureAwait(false);
        _registered = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    private async Task InjectAsync(ExtensionConfigRegistration registration, string caBundle, CancellationToken cancellationToken)
    {
        var kubernetes = _services.GetService<IKubernetes>() ?? throw new InvalidOperationException(
            $"Writing the CA bundle into ExtensionConfig '{registration.Name}' needs an IKubernetes service: register one (AddCapiSdkRuntime does), or leave CapiSdk:RuntimeExtension:ExtensionConfig unset.");
        await new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(registration, caBundle, cancellationToken).ConfigureAwait(false);
        RuntimeExtensionLog.CaBundleInjected(_logger, registration.Name);
    }

    /// <summary>After a CA rotation in the certificate Secret: the new bundle (new and previous CA) into the ExtensionConfig.</summary>
    private async Task ReinjectAsync(string caBundle, CancellationToken cancellationToken)
    {
        if (_options.ExtensionConfig is not { } registration)
        {
            return;
        }

        try
        {
            await InjectAsync(registration, caBundle, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or CapiSdk.Client.KubernetesApiException or IOException)
        {
            RuntimeExtensionLog.CaBundleInjectionFailed(_logger, e, registration.Name);
        }
    }
}
