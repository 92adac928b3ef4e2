namespace CapiSdk.Testing.Tests.Support;

/// <summary>Waits for a watch stream to end (server closed or reset it); a hang fails the test instead of passing.</summary>
internal static class StreamEnd
{
    public static async Task<bool> EndsAsync(this WatchReader watch)
    {
        try
        {
            return await watch.NextAsync() is null;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return true;
        }
    }
}
