using CapiSdk.Runtime.RuntimeSdk;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Hosting;
using k8s;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Extension;

/// <summary>
/// <c>--enable-runtime-extension</c>: the Runtime SDK server on <c>--runtime-extension-port</c> with the
/// BeforeClusterCreate handler. Certificates: the cert-manager files when <c>tls.crt</c>/<c>tls.key</c> are mounted in
/// the serving-certs directory, else a self-signed CA made at start whose bundle is written into the ExtensionConfig
/// <c>--runtime-extension-name</c> (created when missing), so no cert-manager is needed.
/// </summary>
internal static partial class RuntimeExtension
{
    /// <summary>Starts the server and publishes its CA bundle.</summary>
    public static async Task<RuntimeExtensionServer> StartAsync(AllocatorOptions options, IKubernetes kubernetes, CreationGate gate, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var serviceNamespace = KubernetesConnection.LeaseNamespace(options.LeaderElectionNamespace);
        var settings = new RuntimeExtensionOptions { Port = options.RuntimeExtensionPort, ServiceName = options.RuntimeExtensionName, ServiceNamespace = serviceNamespace };
        settings.SelfSigned = !File.Exists(Path.Combine(settings.CertDirectory, settings.CertName));
        var server = new RuntimeExtensionServer(settings, loggerFactory.CreateLogger<RuntimeExtensionServer>());
        server.Handle(RuntimeHooks.BeforeClusterCreate, CreationGate.HandlerName, gate.DecideAsync, timeoutSeconds: 10, failurePolicy: FailurePolicy.Fail);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        var logger = loggerFactory.CreateLogger("capi-vip-allocator.runtime-extension");
        if (server.CaBundlePem is { } ca)
        {
            try
            {
                await new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(new ExtensionConfigRegistration
                {
                    Name = options.RuntimeExtensionName,
                    CreateIfMissing = true,
                    ServiceName = options.RuntimeExtensionName,
                    ServiceNamespace = serviceNamespace,
                    ServicePort = options.RuntimeExtensionPort,
                }, ca, cancellationToken).ConfigureAwait(false);
                CaPublished(logger, options.RuntimeExtensionName);
            }
            catch (Exception e) when (e is HttpRequestException or CapiSdk.Client.KubernetesApiException)
            {
                CaNotPublished(logger, options.RuntimeExtensionName, e.Message);
            }
        }

        return server;
    }

    [LoggerMessage(30, LogLevel.Information, "runtime extension: CA bundle written to ExtensionConfig {Name}")]
    private static partial void CaPublished(ILogger logger, string name);

    [LoggerMessage(31, LogLevel.Warning, "runtime extension: could not write the CA bundle to ExtensionConfig {Name} ({Error}); is Cluster API's runtime SDK (ExtensionConfig CRD) installed? Hooks are served anyway")]
    private static partial void CaNotPublished(ILogger logger, string name, string error);
}
