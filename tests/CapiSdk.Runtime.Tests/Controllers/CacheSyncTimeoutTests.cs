using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Tests.Support2;
using CapiSdk.Testing;

namespace CapiSdk.Runtime.Tests.Controllers;

/// <summary>A kind the server does not serve makes the manager fail clearly instead of waiting forever.</summary>
public sealed class CacheSyncTimeoutTests
{
    [Fact]
    public async Task An_informer_that_cannot_sync_fails_the_manager_after_the_timeout_naming_it()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        using var kubernetes = server.CreateClient();
        var informers = new InformerFactory();
        var informer = informers.GetOrCreate(new ClusterClient(kubernetes));
        var manager = new ControllerManager(informers, []) { CacheSyncTimeout = TimeSpan.FromMilliseconds(500) };
        using var stop = new CancellationTokenSource(TestTimeout.Limit);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => manager.RunAsync(stop.Token));

        Assert.Contains(informer.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("CRDs are installed", error.Message, StringComparison.Ordinal);
        Assert.False(manager.IsReady);
    }
}
