namespace CapiSdk.Testing.Tests.Support;

/// <summary>
/// One server with every upstream CRD for a whole test class. Starting it is the slow part (it compiles 29 CRDs'
/// schemas: seconds on a quiet machine, more than a minute on two cores kept busy by other work), so it happens
/// once, bounded only against a hang.
/// </summary>
public sealed class UpstreamServer : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(10);
    private KubeApiServer? _server;

    /// <summary>The started server.</summary>
    public KubeApiServer Server => _server ?? throw new InvalidOperationException("shared/crds/upstream was not found beside the repository root, so no server was started.");

    public async Task InitializeAsync()
    {
        if (SharedCrds.Directory is null)
        {
            return;
        }

        var options = new KubeApiServerOptions();
        foreach (var file in SharedCrds.All)
        {
            options.CrdFiles.Add(file);
        }

        using var bound = new CancellationTokenSource(StartLimit);
        _server = await KubeApiServer.StartAsync(options, bound.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
