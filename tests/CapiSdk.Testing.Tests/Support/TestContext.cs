namespace CapiSdk.Testing.Tests.Support;

/// <summary>An upper bound for every await in a test: nothing here should take more than this.</summary>
internal static class TestContext
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static CancellationToken Token => new CancellationTokenSource(Limit).Token;
}
