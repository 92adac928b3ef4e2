using Microsoft.Extensions.Hosting;

namespace CapiSdk.Runtime.Hosting;

/// <summary>Runs a hosted service that a setting may turn off (null does nothing).</summary>
internal sealed class OptionalHostedService(IHostedService? inner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => inner?.StartAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => inner?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
