namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>Cancellation for tests that await events: generous, so only a real hang trips it.</summary>
internal static class TestTimeout
{
    /// <summary>A token cancelled after 30 seconds.</summary>
    public static CancellationToken Token() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
