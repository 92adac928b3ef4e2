using k8s;
using Microsoft.Extensions.Hosting;

namespace CapiSdk.IpamSimulator.Hosting;

/// <summary>Starts the simulator with the host and stops it with the host.</summary>
internal sealed class IpamSimulatorHostedService(IKubernetes kubernetes, IpamSimulatorOptions options) : IHostedService, IAsyncDisposable
{
    private IpamSimulator? _simulator;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _simulator = await IpamSimulator.StartAsync(kubernetes, options, cancellationToken).ConfigureAwait(false);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _simulator, null) is { } simulator)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));
}
