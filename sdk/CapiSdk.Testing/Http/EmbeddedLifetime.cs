using Microsoft.Extensions.Hosting;

namespace CapiSdk.Testing.Http;

/// <summary>
/// A host lifetime that leaves the process alone: unlike the default console lifetime it does not capture
/// Ctrl+C or SIGTERM, so a test process hosting servers stops the way it normally would.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
