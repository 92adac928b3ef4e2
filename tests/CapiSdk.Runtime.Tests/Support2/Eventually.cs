namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>Waits for a condition that has no event to await (an HTTP answer, a property), checking it often.</summary>
internal static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; throws when <paramref name="cancellationToken"/> fires first.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
