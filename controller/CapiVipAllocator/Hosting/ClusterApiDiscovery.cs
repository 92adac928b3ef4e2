using System.Diagnostics;
using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Versions;
using CapiVipAllocator.Versions;
using k8s;
using Microsoft.Extensions.Logging;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiVipAllocator.Hosting;

/// <summary>Finds which cluster.x-k8s.io version the server serves (v1beta2, CAPI 1.11+, when it can, else v1beta1), and which ipam.cluster.x-k8s.io versions.</summary>
internal static partial class ClusterApiDiscovery
{
    /// <summary>
    /// The versions in use: the newest served Cluster and IPAM versions, found by listing (a served version answers, one
    /// that is not is 404); retries (with backoff) while the server cannot answer. With <paramref name="expected"/> (what
    /// the CRDs say is served now) it also retries, for up to 30 s, while the answer differs: the real API server
    /// starts serving a CRD's new version a moment after the CRD changes (its handler and discovery are rebuilt from its
    /// own CRD informer), and stops serving a removed one the same way.
    /// </summary>
    /// <exception cref="InvalidOperationException">Cluster API or an IPAM kind is not served in any version.</exception>
    public static async Task<ServedVersions> DiscoverAsync(IKubernetes kubernetes, string? @namespace, ServedVersions? expected, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var found = new ServedVersions(
                await DiscoverClusterAsync(kubernetes, @namespace, logger, cancellationToken).ConfigureAwait(false),
                await RetryAsync(() => IpamApiVersions.DiscoverAsync(kubernetes, @namespace, cancellationToken), "IPAM", logger, cancellationToken).ConfigureAwait(false));
            if (expected is null || found == expected || Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                return found;
            }

            NotServedYet(logger, expected.ToString(), found.ToString(), delay);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
        }
    }

    private static Task<string> DiscoverClusterAsync(IKubernetes kubernetes, string? @namespace, ILogger logger, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            if (await ServesAsync(() => new V1Beta2.ClusterClient(kubernetes).ListAsync(@namespace, new ListOptions { Limit = 1 }, cancellationToken)).ConfigureAwait(false))
            {
                return "v1beta2";
            }

            if (await ServesAsync(() => new V1Beta1.ClusterClient(kubernetes).ListAsync(@namespace, new ListOptions { Limit = 1 }, cancellationToken)).ConfigureAwait(false))
            {
                return "v1beta1";
            }

            throw new InvalidOperationException("the API server serves neither cluster.x-k8s.io/v1beta2 nor v1beta1 Clusters: install Cluster API (its CRDs) first.");
        }, "Cluster API", logger, cancellationToken);

    private static async Task<T> RetryAsync<T>(Func<Task<T>> discover, string what, ILogger logger, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await discover().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or KubernetesApiException { StatusCode: >= 500 or 429 } && !cancellationToken.IsCancellationRequested)
            {
                DiscoveryRetry(logger, what, e.Message, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private static async Task<bool> ServesAsync<T>(Func<Task<T>> list)
    {
        try
        {
            await list().ConfigureAwait(false);
            return true;
        }
        catch (KubernetesNotFoundException)
        {
            return false;
        }
    }

    [LoggerMessage(21, LogLevel.Information, "the CRDs serve {Expected} but the API server answers {Found}; asking again in {Delay}")]
    private static partial void NotServedYet(ILogger logger, string expected, string found, TimeSpan delay);

    [LoggerMessage(20, LogLevel.Warning, "discovering the {Api} version failed ({Error}); retrying in {Delay}")]
    private static partial void DiscoveryRetry(ILogger logger, string api, string error, TimeSpan delay);
}
