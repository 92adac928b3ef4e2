namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>
/// The bound on every wait in these tests. It only stops a hang: it is far longer than anything takes even on a
/// machine whose cores are busy with other work, so no test depends on how fast the machine is.
/// </summary>
internal static class TestTimeout
{
    /// <summary>One minute.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>A token cancelled after <see cref="Limit"/>.</summary>
    public static CancellationToken Token() => new CancellationTokenSource(Limit).Token;
}
