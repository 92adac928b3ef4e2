namespace CapiSdk.Testing.Tests.Support;

/// <summary>
/// An upper bound for every await in a test. It only stops a hang: it is far longer than anything here takes even
/// on a machine whose cores are busy with other work, so no test depends on how fast the machine is.
/// </summary>
internal static class TestContext
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static CancellationToken Token => new CancellationTokenSource(Limit).Token;
}
