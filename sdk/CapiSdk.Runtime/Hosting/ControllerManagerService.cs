using CapiSdk.Runtime.Controllers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.Hosting;

/// <summary>
/// Runs the <see cref="ControllerManager"/> for the lifetime of the host. When the manager fails (informers that do
/// not sync within the cache-sync timeout, for example a CRD that is not installed), it logs why once, sets the
/// process exit code to 1 and stops the host, so the process does not exit 0 after failing.
/// </summary>
internal sealed partial class ControllerManagerService(ControllerManager manager, IHostApplicationLifetime lifetime, ILogger<ControllerManagerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await manager.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (!stoppingToken.IsCancellationRequested)
        {
            CacheSyncFailed(logger, e.Message);
            Fail();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            ManagerFailed(logger, e);
            Fail();
        }
    }

    private void Fail()
    {
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Critical, Message = "Stopping with exit code 1: {Reason}")]
    private static partial void CacheSyncFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Critical, Message = "The controller manager failed; stopping with exit code 1")]
    private static partial void ManagerFailed(ILogger logger, Exception exception);
}
