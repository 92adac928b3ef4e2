using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Versions;
using k8s;
using Microsoft.Extensions.Logging;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiVipAllocator.Hosting;

/// <summary>Finds which cluster.x-k8s.io version the server serves (v1beta2, CAPI 1.11+, when it can, else v1beta1), and which ipam.cluster.x-k8s.io versions.</summary>
internal static partial class ClusterApiDiscovery
{
    /// <summary>"v1beta2" or "v1beta1"; retries (with backoff) while the server cannot answer.</summary>
    /// <exception cref="InvalidOperationException">Neither version is served: Cluster API is not installed.</exception>
    public static Task<string> DiscoverAsync(IKubernetes kubernetes, string? @namespace, ILogger logger, CancellationToken cancellationToken) =>
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

    /// <summary>The newest served ipam.cluster.x-k8s.io versions (<see cref="IpamApiVersions.DiscoverAsync"/>); retries while the server cannot answer.</summary>
    /// <exception cref="InvalidOperationException">An IPAM kind is not served in any version.</exception>
    public static Task<IpamApiVersions> DiscoverIpamAsync(IKubernetes kubernetes, string? @namespace, ILogger logger, CancellationToken cancellationToken) =>
        RetryAsync(() => IpamApiVersions.DiscoverAsync(kubernetes, @namespace, cancellationToken), "IPAM", logger, cancellationToken);

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

    [LoggerMessage(20, LogLevel.Warning, "discovering the {Api} version failed ({Error}); retrying in {Delay}")]
    private static partial void DiscoveryRetry(ILogger logger, string api, string error, TimeSpan delay);
}
