namespace CapiSdk.IpamSimulator.Tests.Support;

/// <summary>For things nothing signals (Events written in the background): checks every 20 ms, up to a generous timeout.</summary>
internal static class Eventually
{
    public static async Task<T> ResultAsync<T>(Func<Task<T?>> read, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + IpamScenario.Timeout;
        while (true)
        {
            if (await read() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(20);
        }
    }
}
