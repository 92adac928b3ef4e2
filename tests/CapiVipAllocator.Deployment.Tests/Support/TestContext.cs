namespace CapiVipAllocator.Deployment.Tests.Support;

/// <summary>A token that only bounds a hang: every wait in these tests ends far sooner on a working build.</summary>
internal static class TestContext
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token;
}
