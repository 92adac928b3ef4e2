namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>Waits for conditions by polling; the timeout only bounds a hang.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<T> ForAsync<T>(string what, Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : class
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        Exception? last = null;
        while (!cts.IsCancellationRequested)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException or IOException or TaskCanceledException)
            {
                last = e;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(25), CancellationToken.None);
        }
        throw new TimeoutException($"timed out after {(timeout ?? Timeout).TotalSeconds:0} s waiting for {what}" + (last is null ? "" : $" (last error: {last.Message})"));
    }

    public static Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null) =>
        ForAsync(what, async () => await condition() ? "" : null, timeout);
}
