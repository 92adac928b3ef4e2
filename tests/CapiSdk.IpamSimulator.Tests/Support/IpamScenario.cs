using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Testing;
using k8s;
using k8s.Models;
using ConditionStatus = CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddressClaimStatusConditionStatus;

namespace CapiSdk.IpamSimulator.Tests.Support;

/// <summary>An in-process API server with the SDK's CRDs, a client over real HTTP, and a running simulator.</summary>
internal sealed class IpamScenario : IAsyncDisposable
{
    public const string Namespace = "default";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private IpamScenario(KubeApiServer server, IKubernetes kubernetes, IpamSimulator simulator)
    {
        Server = server;
        Kubernetes = kubernetes;
        Simulator = simulator;
        Claims = new IPAddressClaimClient(kubernetes);
        Addresses = new IPAddressClient(kubernetes);
        Pools = new InClusterIPPoolClient(kubernetes);
        GlobalPools = new GlobalInClusterIPPoolClient(kubernetes);
        Clusters = new ClusterClient(kubernetes);
    }

    public KubeApiServer Server { get; }
    public IKubernetes Kubernetes { get; }
    public IpamSimulator Simulator { get; }
    public IPAddressClaimClient Claims { get; }
    public IPAddressClient Addresses { get; }
    public InClusterIPPoolClient Pools { get; }
    public GlobalInClusterIPPoolClient GlobalPools { get; }
    public ClusterClient Clusters { get; }

    public static async Task<IpamScenario> StartAsync(IpamSimulatorOptions? options = null)
    {
        var server = await ApiServer.StartAsync();
        var kubernetes = server.CreateClient();
        var simulator = await IpamSimulator.StartAsync(kubernetes, options);
        return new IpamScenario(server, kubernetes, simulator);
    }

    public Task<InClusterIPPool> CreatePoolAsync(string name, long prefix, string? gateway, params string[] addresses) =>
        CreatePoolAsync(name, new InClusterIPPoolSpec { Addresses = addresses, Prefix = prefix, Gateway = gateway });

    public Task<InClusterIPPool> CreatePoolAsync(string name, InClusterIPPoolSpec spec) =>
        Pools.CreateAsync(new InClusterIPPool { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec });

    public Task<IPAddressClaim> CreateClaimAsync(string name, string pool, string kind = "InClusterIPPool", string? clusterName = null) =>
        Claims.CreateAsync(new IPAddressClaim
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new IPAddressClaimSpec
            {
                ClusterName = clusterName,
                PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = kind, Name = pool },
            },
        });

    /// <summary>Waits (through a watch of the one claim) until the claim satisfies the condition; returns it.</summary>
    public Task<IPAddressClaim> WaitForClaimAsync(string name, Func<IPAddressClaim, bool> condition, string what) =>
        WaitAsync(Claims.WatchAsync(Namespace, new WatchOptions { FieldSelector = "metadata.name=" + name }, TimeoutToken()), condition, $"claim {name}: {what}");

    /// <summary>Waits until the claim names its IPAddress and is Ready; returns that IPAddress.</summary>
    public async Task<IPAddress> WaitForAddressAsync(string claim)
    {
        var ready = await WaitForClaimAsync(claim, c => c.Status?.AddressRef?.Name is { Length: > 0 } && c.Status.Conditions.IsTrue("Ready"), "addressRef set and Ready=True");
        return await Addresses.GetAsync(Namespace, ready.Status!.AddressRef!.Name!);
    }

    /// <summary>Waits until the claim's Ready condition is False with the reason; returns the claim.</summary>
    public Task<IPAddressClaim> WaitForNotReadyAsync(string claim, string reason) =>
        WaitForClaimAsync(claim, c => c.Status?.Conditions.Find("Ready") is { } ready && ready.Status == ConditionStatus.False && ready.Reason == reason, "Ready=False " + reason);

    public Task<InClusterIPPool> WaitForPoolAsync(string name, Func<InClusterIPPool, bool> condition, string what) =>
        WaitAsync(Pools.WatchAsync(Namespace, new WatchOptions { FieldSelector = "metadata.name=" + name }, TimeoutToken()), condition, $"pool {name}: {what}");

    public Task<GlobalInClusterIPPool> WaitForGlobalPoolUsedAsync(string name, long used) =>
        WaitAsync(GlobalPools.WatchAsync(new WatchOptions { FieldSelector = "metadata.name=" + name }, TimeoutToken()), p => p.Status?.IpAddresses?.Used == used, $"global pool {name}: {used} used");

    /// <summary>Waits until the named claim is gone (returns at once when it does not exist).</summary>
    public Task WaitForClaimGoneAsync(string name) =>
        WaitForGoneAsync(Claims.WatchAsync(Namespace, ByName(name), TimeoutToken()), "claim " + name);

    /// <summary>Waits until the named address is gone (returns at once when it does not exist).</summary>
    public Task WaitForAddressGoneAsync(string name) =>
        WaitForGoneAsync(Addresses.WatchAsync(Namespace, ByName(name), TimeoutToken()), "address " + name);

    public static CancellationToken TimeoutToken() => new CancellationTokenSource(Timeout).Token;

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Kubernetes.Dispose();
        await Server.DisposeAsync();
    }

    private static WatchOptions ByName(string name) => new() { FieldSelector = "metadata.name=" + name, IncludeBookmarks = true };

    private static async Task WaitForGoneAsync<T>(IAsyncEnumerable<WatchEvent<T>> watch, string what)
    {
        var present = false;
        try
        {
            await foreach (var change in watch)
            {
                switch (change.Type)
                {
                    case WatchEventKind.Deleted:
                    case WatchEventKind.Bookmark when !present:
                        return;
                    case WatchEventKind.Added:
                        present = true;
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException("Timed out waiting for " + what + " to be deleted");
    }

    private static async Task<T> WaitAsync<T>(IAsyncEnumerable<WatchEvent<T>> watch, Func<T, bool> condition, string what)
    {
        try
        {
            await foreach (var change in watch)
            {
                if (change.Type is WatchEventKind.Added or WatchEventKind.Modified && condition(change.Object))
                {
                    return change.Object;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException("Timed out waiting for " + what);
    }
}
