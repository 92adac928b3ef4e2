using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.IpamSimulator;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Testing;
using CapiVipAllocator.Deployment.Tests.Support;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>
/// A management cluster for one test: CapiSdk.Testing's API server with the SDK's CRDs and the capi-system
/// namespace, the IPAM simulator, and helpers to create pools, classes and Clusters and wait for the VIPs.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    public const string ClassName = "quick-start";
    public const string LeaseName = "capi-vip-allocator";
    private readonly string _directory = Directory.CreateTempSubdirectory("capi-vip-allocator-world-").FullName;

    private World(KubeApiServer server, IpamSimulator ipam)
    {
        Server = server;
        Ipam = ipam;
        Client = server.CreateClient();
        Clusters = new ClusterClient(Client);
        Classes = new ClusterClassClient(Client);
        Claims = new IPAddressClaimClient(Client);
        GlobalPools = new GlobalInClusterIPPoolClient(Client);
        Pools = new InClusterIPPoolClient(Client);
    }

    public KubeApiServer Server { get; }

    public IpamSimulator Ipam { get; }

    public IKubernetes Client { get; }

    public ClusterClient Clusters { get; }

    public ClusterClassClient Classes { get; }

    public IPAddressClaimClient Claims { get; }

    public GlobalInClusterIPPoolClient GlobalPools { get; }

    public InClusterIPPoolClient Pools { get; }

    public static Task<World> StartAsync(params string[] namespaces) => StartAsync(TimeSpan.Zero, namespaces);

    /// <summary>A world whose garbage collector waits <paramref name="garbageCollectionDelay"/> before it acts.</summary>
    public static async Task<World> StartAsync(TimeSpan garbageCollectionDelay, params string[] namespaces)
    {
        var options = new KubeApiServerOptions { GarbageCollectionDelay = garbageCollectionDelay };
        foreach (var crd in Directory.GetFiles(Repo.CrdDirectory, "*.yaml", SearchOption.AllDirectories))
        {
            options.CrdFiles.Add(crd);
        }
        foreach (var ns in namespaces.Prepend(Support.Bundle.Namespace))
        {
            options.Namespaces.Add(ns);
        }
        var server = await KubeApiServer.StartAsync(options, TestContext.Token);
        var ipam = await IpamSimulator.StartAsync(server.CreateClient(), new IpamSimulatorOptions(), TestContext.Token);
        return new World(server, ipam);
    }

    /// <summary>A kubeconfig for one replica, with its own bearer token, readable by the container's non-root user.</summary>
    public string Kubeconfig(string token)
    {
        var path = Path.Combine(_directory, token + ".kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
                server: {Server.BaseAddress.ToString().TrimEnd('/')}
            users:
            - name: {token}
              user:
                token: {token}
            contexts:
            - name: test
              context:
                cluster: test
                user: {token}
            current-context: test
            """);
        if (OperatingSystem.IsWindows())
        {
            return path;
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    public Task<GlobalInClusterIPPool> CreateGlobalPoolAsync(string name, string addresses) =>
        GlobalPools.CreateAsync(new GlobalInClusterIPPool
        {
            Metadata = new() { Name = name, Labels = PoolLabels() },
            Spec = new() { Addresses = [addresses], Prefix = 24, Gateway = "10.0.0.1" },
        }, cancellationToken: TestContext.Token);

    public Task<InClusterIPPool> CreatePoolAsync(string ns, string name, string addresses) =>
        Pools.CreateAsync(new InClusterIPPool
        {
            Metadata = new() { Name = name, NamespaceProperty = ns, Labels = PoolLabels() },
            Spec = new() { Addresses = [addresses], Prefix = 24 },
        }, cancellationToken: TestContext.Token);

    /// <summary>An IPAddressClaim on a GlobalInClusterIPPool, owned by nothing.</summary>
    public Task<IPAddressClaim> CreateClaimAsync(string ns, string name, string globalPool) =>
        Claims.CreateAsync(new IPAddressClaim
        {
            Metadata = new() { Name = name, NamespaceProperty = ns },
            Spec = new() { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "GlobalInClusterIPPool", Name = globalPool } },
        }, cancellationToken: TestContext.Token);

    public Task<ClusterClass> CreateClassAsync(string ns, string name = ClassName)
    {
        var json = """
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"ClusterClass","metadata":{"name":"NAME","namespace":"NAMESPACE"},
             "spec":{"controlPlane":{"templateRef":{"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlaneTemplate","name":"cp"}},
                     "infrastructure":{"templateRef":{"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta1","kind":"DockerClusterTemplate","name":"infra"}},
                     "variables":[{"name":"clusterVip","required":false,"schema":{"openAPIV3Schema":{"type":"string","default":""}}}]}}
            """.Replace("NAMESPACE", ns, StringComparison.Ordinal).Replace("NAME", name, StringComparison.Ordinal);
        return Classes.CreateAsync(JsonSerializer.Deserialize(json, CrdJsonContext.Default.ClusterClassV1Beta2)!, cancellationToken: TestContext.Token);
    }

    public Task<Cluster> CreateClusterAsync(string ns, string name, string className = ClassName, IDictionary<string, string>? annotations = null) =>
        Clusters.CreateAsync(new Cluster
        {
            Metadata = new() { Name = name, NamespaceProperty = ns, Annotations = annotations },
            Spec = new()
            {
                Topology = new() { ClassRef = new() { Name = className }, Version = "v1.31.0", Variables = [new() { Name = "cni", Value = JsonValue.Create("calico") }] },
            },
        }, cancellationToken: TestContext.Token);

    /// <summary>Waits until the controller wrote the Cluster's endpoint host, and returns it.</summary>
    public async Task<string> WaitForVipAsync(string ns, string name) =>
        (await Wait.ForAsync($"a VIP on Cluster {ns}/{name}", async () =>
        {
            var cluster = await Clusters.GetAsync(ns, name, TestContext.Token);
            return string.IsNullOrEmpty(cluster.Spec?.ControlPlaneEndpoint?.Host) ? null : cluster.Spec.ControlPlaneEndpoint.Host;
        }))!;

    /// <summary>
    /// Deletes the Cluster and waits until it and the IPAddressClaims it owns are gone; returns those claims' names
    /// (at least one: the Cluster must have had its VIP claimed).
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteClusterAndWaitForReleaseAsync(string ns, string name)
    {
        var uid = (await Clusters.GetAsync(ns, name, TestContext.Token)).Metadata.Uid;
        var owned = (await Claims.ListAsync(ns, cancellationToken: TestContext.Token)).Items
            .Where(c => c.Metadata.OwnerReferences?.Any(o => o.Uid == uid) == true).Select(c => c.Metadata.Name).ToList();
        Assert.True(owned.Count > 0, $"Cluster {ns}/{name} owns no IPAddressClaim");
        await Clusters.DeleteAsync(ns, name, cancellationToken: TestContext.Token);
        await Wait.UntilAsync($"Cluster {ns}/{name} and its IPAddressClaims ({string.Join(", ", owned)}) to be gone", async () =>
        {
            var clusters = await Clusters.ListAsync(ns, cancellationToken: TestContext.Token);
            var claims = await Claims.ListAsync(ns, cancellationToken: TestContext.Token);
            return clusters.Items.All(c => c.Metadata.Name != name) && claims.Items.All(c => !owned.Contains(c.Metadata.Name));
        });
        return owned;
    }

    /// <summary>The Lease's holder, or null when it is released or absent.</summary>
    public async Task<string?> LeaseHolderAsync()
    {
        try
        {
            var lease = await Client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, Support.Bundle.Namespace, cancellationToken: TestContext.Token);
            return string.IsNullOrEmpty(lease.Spec?.HolderIdentity) ? null : lease.Spec.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ipam.DisposeAsync();
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static Dictionary<string, string> PoolLabels() => new()
    {
        ["vip.capi.gorizond.io/role"] = "control-plane",
        ["vip.capi.gorizond.io/cluster-class"] = ClassName,
    };
}
