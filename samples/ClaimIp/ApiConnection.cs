using CapiSdk.Testing;
using k8s;

namespace ClaimIp;

/// <summary>
/// The API server the sample talks to: the cluster in <c>KUBECONFIG</c> when that is set; otherwise an
/// in-process <see cref="KubeApiServer"/> serving the CRDs the CapiSdk package ships (copied to crds/ in the output).
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    private readonly KubeApiServer? _server;

    private ApiConnection(IKubernetes kubernetes, KubeApiServer? server, string description)
    {
        Kubernetes = kubernetes;
        _server = server;
        Description = description;
    }

    /// <summary>A KubernetesClient pointed at the server.</summary>
    public IKubernetes Kubernetes { get; }

    /// <summary>True for the in-process server: nothing else is running, so the sample starts the IPAM simulator.</summary>
    public bool InProcess => _server is not null;

    /// <summary>Where the sample is connected, for the first line of output.</summary>
    public string Description { get; }

    public static async Task<ApiConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBECONFIG")))
        {
            var configuration = KubernetesClientConfiguration.BuildDefaultConfig();
            return new ApiConnection(new Kubernetes(configuration), null, "the cluster at " + configuration.Host);
        }

        var options = new KubeApiServerOptions();
        var crds = Path.Combine(AppContext.BaseDirectory, "crds");
        foreach (var file in Directory.EnumerateFiles(crds, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            options.CrdFiles.Add(file);
        }

        var server = await KubeApiServer.StartAsync(options, cancellationToken);
        return new ApiConnection(server.CreateClient(), server, "an in-process API server (set KUBECONFIG to use a cluster)");
    }

    public async ValueTask DisposeAsync()
    {
        Kubernetes.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
