using System.Net;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>Reads a replica's HTTP endpoints.</summary>
internal static class Endpoints
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri baseAddress, string path)
    {
        using var response = await Http.GetAsync(new Uri(baseAddress, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<bool> IsReadyAsync(IReplica replica)
    {
        try
        {
            return (await GetAsync(replica.Probes, "/readyz")).Status == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>leader_election_master_status for the controller's Lease: 1 leading, 0 standing by.</summary>
    public static async Task<bool> IsLeadingAsync(IReplica replica) =>
        (await GetAsync(replica.Metrics, "/metrics")).Body.Contains("leader_election_master_status{name=\"capi-vip-allocator\"} 1", StringComparison.Ordinal);
}
