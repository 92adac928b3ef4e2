using CapiSdk.Runtime.Controllers;
using Microsoft.Extensions.Hosting;

namespace CapiSdk.Runtime.Hosting;

/// <summary>Runs the <see cref="ControllerManager"/> for the lifetime of the host.</summary>
internal sealed class ControllerManagerService(ControllerManager manager) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => manager.RunAsync(stoppingToken);
}
