using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk;
using CapiSdk.IpamSimulator;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Testing;
using CapiVipAllocator.Cli;
using k8s;
using Microsoft.Extensions.Logging;

namespace CapiVipAllocator.Tests.Support;

/// <summary>
/// One test's world: an in-process API server with the SDK's CRDs, the IPAM simulator, and controller hosts
/// (the real <c>AllocatorHost</c>, over HTTP), plus helpers to create pools, classes and Clusters and to wait for
/// what the controller writes (by watching, never by sleeping).
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly List<ControllerProcess> _controllers = [];
    private readonly ILoggerFactory _ipamLoggers;

    private Scenario(KubeApiServer server)
    {
        Server = server;
        Client = server.CreateClient();
        Clusters = new ClusterClient(Client);
        Classes = new ClusterClassClient(Client);
        Claims = new IPAddressClaimClient(Client);
        Addresses = new IPAddressClient(Client);
        GlobalPools = new GlobalInClusterIPPoolClient(Client);
        Pools = new InClusterIPPoolClient(Client);
        _ipamLoggers = LoggerFactory.Create(b => b.AddProvider(Logs));
    }

    public KubeApiServer Server { get; }

    public IKubernetes Client { get; }

    public ClusterClient Clusters { get; }

    public ClusterClassClient Classes { get; }

    public IPAddressClaimClient Claims { get; }

    public IPAddressClient Addresses { get; }

    public GlobalInClusterIPPoolClient GlobalPools { get; }

    public InClusterIPPoolClient Pools { get; }

    public IpamSimulator? Ipam { get; private set; }

    public CapturingLoggerProvider Logs { get; } = new();

    private const string CniVariable = """{"name":"cni","required":false,"schema":{"openAPIV3Schema":{"type":"string"}}}""";

    public static async Task<Scenario> StartAsync(bool ipam = true, Action<KubeApiServerOptions>? configure = null)
    {
        var options = new KubeApiServerOptions().AddCrds(CapiSdkCrds.Yaml);

        configure?.Invoke(options);
        var scenario = new Scenario(await KubeApiServer.StartAsync(options));
        if (ipam)
        {
            await scenario.StartIpamAsync();
        }

        return scenario;
    }

    // The simulator logs into Logs too, so a failure message can show what it did.
    public async Task StartIpamAsync() => Ipam = await IpamSimulator.StartAsync(Server.CreateClient(), new IpamSimulatorOptions { LoggerFactory = _ipamLoggers });

    public async Task StopIpamAsync()
    {
        if (Ipam is not null)
        {
            await Ipam.DisposeAsync();
            Ipam = null;
        }
    }

    /// <summary>Starts a controller host (probes and metrics on free ports) and waits until its caches synced.</summary>
    public async Task<ControllerProcess> StartControllerAsync(AllocatorOptions? options = null, bool waitUntilLeading = true)
    {
        options ??= new AllocatorOptions();
        options = options with
        {
            HealthProbeBindAddress = options.HealthProbeBindAddress is { Port: 8081 } ? new BindAddress("127.0.0.1", 0) : options.HealthProbeBindAddress,
            MetricsBindAddress = options.MetricsBindAddress is { Port: 8080 } ? new BindAddress("127.0.0.1", 0) : options.MetricsBindAddress,
        };
        var controller = ControllerProcess.Start(options, Server.CreateClient(), Logs);
        _controllers.Add(controller);
        await controller.WaitForStartAsync();
        if (waitUntilLeading)
        {
            await controller.WaitUntilAsync(() => controller.Host.IsLeading);
        }

        return controller;
    }

    public async Task<GlobalInClusterIPPool> CreateGlobalPoolAsync(string name, string[] addresses, long prefix = 24, string? gateway = null, string classes = "quick-start", string role = "control-plane")
    {
        var pool = new GlobalInClusterIPPool
        {
            Metadata = new() { Name = name, Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = role, ["vip.capi.gorizond.io/cluster-class"] = classes } },
            Spec = new() { Addresses = addresses, Prefix = prefix, Gateway = gateway },
        };
        return await GlobalPools.CreateAsync(pool);
    }

    public async Task<InClusterIPPool> CreatePoolAsync(string ns, string name, string[] addresses, long prefix = 24, string classes = "quick-start", string role = "control-plane")
    {
        var pool = new InClusterIPPool
        {
            Metadata = new() { Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["vip.capi.gorizond.io/role"] = role, ["vip.capi.gorizond.io/cluster-class"] = classes } },
            Spec = new() { Addresses = addresses, Prefix = prefix },
        };
        return await Pools.CreateAsync(pool);
    }

    public async Task<ClusterClass> CreateClassAsync(string name = "quick-start", string ns = "default", bool declaresVariable = true, string variable = "clusterVip")
    {
        var variables = declaresVariable
            ? "[{\"name\":\"" + variable + "\",\"required\":false,\"schema\":{\"openAPIV3Schema\":{\"type\":\"string\",\"default\":\"\"}}}," + CniVariable + "]"
            : "[" + CniVariable + "]";
        var json = $$$"""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"ClusterClass","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},
             "spec":{"controlPlane":{"templateRef":{"apiVersion":"controlplane.cluster.x-k8s.io/v1beta2","kind":"KubeadmControlPlaneTemplate","name":"cp"}},
                     "infrastructure":{"templateRef":{"apiVersion":"infrastructure.cluster.x-k8s.io/v1beta1","kind":"DockerClusterTemplate","name":"infra"}},
                     "variables":{{{variables}}}}}
            """;
        return await Classes.CreateAsync(JsonSerializer.Deserialize(json, CrdJsonContext.Default.ClusterClassV1Beta2)!);
    }

    public async Task<Cluster> CreateClusterAsync(string name, string ns = "default", string className = "quick-start", Action<Cluster>? configure = null)
    {
        var cluster = new Cluster
        {
            Metadata = new() { Name = name, NamespaceProperty = ns },
            Spec = new()
            {
                Topology = new() { ClassRef = new() { Name = className }, Version = "v1.31.0", Variables = [new() { Name = "cni", Value = JsonValue.Create("calico") }] },
            },
        };
        configure?.Invoke(cluster);
        return await Clusters.CreateAsync(cluster);
    }

    /// <summary>Watches the Cluster until <paramref name="test"/> holds (the last seen state is in the failure message).</summary>
    public Task<Cluster> WaitForClusterAsync(string name, Func<Cluster, bool> test, string ns = "default") =>
        Wait.ForAsync(Clusters, ns, name, test);

    /// <summary>Waits until the Cluster's condition has the reason.</summary>
    public Task<Cluster> WaitForConditionAsync(string name, string reason, string ns = "default") =>
        WaitForClusterAsync(name, c => c.Status?.Conditions?.FirstOrDefault(x => x.Type == "ControlPlaneVipReady")?.Reason == reason, ns);

    /// <summary>Waits until the Cluster's endpoint host is set and returns it.</summary>
    public async Task<string> WaitForVipAsync(string name, string ns = "default") =>
        (await WaitForClusterAsync(name, c => !string.IsNullOrEmpty(c.Spec.ControlPlaneEndpoint?.Host) && c.Metadata.Annotations?.ContainsKey("vip.capi.gorizond.io/control-plane-vip") == true, ns)).Spec.ControlPlaneEndpoint!.Host!;

    public async ValueTask DisposeAsync()
    {
        foreach (var controller in _controllers)
        {
            await controller.DisposeAsync();
        }

        await StopIpamAsync();
        _ipamLoggers.Dispose();
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
