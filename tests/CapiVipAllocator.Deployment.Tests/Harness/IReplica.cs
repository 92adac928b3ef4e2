namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>One running controller (a process or a container), as the tests drive it.</summary>
internal interface IReplica : IAsyncDisposable
{
    /// <summary>The bearer token in its kubeconfig: how the API server's recording tells its requests apart.</summary>
    string Token { get; }

    /// <summary>/healthz and /readyz.</summary>
    Uri Probes { get; }

    /// <summary>/metrics.</summary>
    Uri Metrics { get; }

    /// <summary>Sends SIGTERM and waits for the exit (the engine or the test kills it after <paramref name="grace"/>).</summary>
    /// <returns>The exit code and whether it exited by itself within the grace period.</returns>
    Task<(long ExitCode, bool ExitedInTime)> StopAsync(TimeSpan grace);

    /// <summary>What it logged, for failure messages.</summary>
    Task<string> LogsAsync();
}
