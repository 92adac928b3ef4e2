using CapiVipAllocator.Cli;
using CapiVipAllocator.Hosting;
using k8s;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Tests.Support;

/// <summary>One running controller replica: the real host, stopped as SIGTERM stops it (cancellation).</summary>
internal sealed class ControllerProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IKubernetes _client;
    private readonly ILoggerFactory _loggers;

    private ControllerProcess(AllocatorOptions options, IKubernetes client, ILoggerProvider logs)
    {
        _client = client;
        _loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        Host = new AllocatorHost(options, client, _loggers);
        Running = Task.Run(() => Host.RunAsync(_stop.Token));
    }

    public AllocatorHost Host { get; }

    public Task Running { get; }

    public static ControllerProcess Start(AllocatorOptions options, IKubernetes client, ILoggerProvider logs) => new(options, client, logs);

    public async Task WaitForStartAsync()
    {
        await Host.Started.WaitAsync(Scenario.Timeout);
        if (Running.IsFaulted)
        {
            await Running;
        }
    }

    /// <summary>Waits for an in-process condition of this replica (checked every 10 ms, bounded by the timeout).</summary>
    public Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    /// <summary>Waits for a condition this replica answers itself, such as its metrics (checked every 10 ms, bounded by the timeout).</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Scenario.Timeout);
        while (!await condition())
        {
            if (Running.IsCompleted)
            {
                await Running;
                throw new InvalidOperationException("the controller stopped");
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(Scenario.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Running.IsCompleted)
        {
            await StopAsync();
        }

        _loggers.Dispose();
        _client.Dispose();
        _stop.Dispose();
    }
}
