using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.IpamSimulator;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Testing;
using CapiSdk.Topology;
using k8s;

// The main job on the embedded default: an in-process Kubernetes API server serving the SDK's CRDs, the IPAM
// simulator playing the in-cluster IPAM provider, and the typed SDK doing by hand what the VIP allocator
// automates: claim an address for a Cluster, wait for it, and write it to spec.controlPlaneEndpoint.host and the
// clusterVip topology variable.
var crds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "crds"), "*.yaml", SearchOption.AllDirectories);
var options = new KubeApiServerOptions();
foreach (var crd in crds)
{
    options.CrdFiles.Add(crd);
}

await using var server = await KubeApiServer.StartAsync(options);
using var kubernetes = server.CreateClient();
Console.WriteLine($"In-process API server at {server.BaseAddress} serving {crds.Length} CRDs (kubectl --kubeconfig {server.KubeconfigPath} get clusters)");

// No IPAM provider runs in-process: the simulator answers claims as the in-cluster provider does, through the API.
await using var ipam = await IpamSimulator.StartAsync(kubernetes);
await new InClusterIPPoolClient(kubernetes).CreateAsync(new InClusterIPPool
{
    Metadata = new() { Name = "vip-pool", NamespaceProperty = "default" },
    Spec = new InClusterIPPoolSpec { Addresses = ["10.0.0.42-10.0.0.50"], Prefix = 24, Gateway = "10.0.0.1" },
});
Console.WriteLine("IPAM simulator running; InClusterIPPool vip-pool: 10.0.0.42-10.0.0.50, prefix 24, gateway 10.0.0.1");

var clusters = new ClusterClient(kubernetes);
var claims = new IPAddressClaimClient(kubernetes);
var addresses = new IPAddressClient(kubernetes);

// 1. A topology Cluster, as a user creates it, with an empty clusterVip variable.
var cluster = await clusters.CreateAsync(new Cluster
{
    Metadata = new() { Name = "prod", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["env"] = "prod" } },
    Spec = new ClusterSpec
    {
        Topology = new ClusterTopology
        {
            ClassRef = new ClusterTopologyClassRef { Name = "quick-start" },
            Version = "v1.31.0",
            Variables = [new ClusterTopologyVariable { Name = "clusterVip", Value = JsonValue.Create("") }],
        },
    },
});
Print("created", cluster);

// 2. Claim an address from a pool; the claim is owned by the Cluster, so it goes when the Cluster goes.
var claim = new IPAddressClaim
{
    Metadata = new() { Name = "prod-vip", NamespaceProperty = "default" },
    Spec = new IPAddressClaimSpec { PoolRef = new() { ApiGroup = "ipam.cluster.x-k8s.io", Kind = "InClusterIPPool", Name = "vip-pool" } },
};
claim.SetOwnerReference(cluster);
claim = await claims.CreateAsync(claim);
Console.WriteLine($"claimed an address: IPAddressClaim {claim.Metadata.Name} -> pool {claim.Spec.PoolRef!.Name}");

// 3. Wait for the claim's address through a typed watch, read the IPAddress, write it to the Cluster.
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
await foreach (var change in claims.WatchAsync("default", new WatchOptions { FieldSelector = "metadata.name=prod-vip" }, timeout.Token))
{
    if (change.Object.Status?.AddressRef?.Name is { Length: > 0 } bound)
    {
        var ip = (await addresses.GetAsync("default", bound, timeout.Token)).Spec!.Address!;
        cluster = await clusters.GetAsync("default", "prod", timeout.Token);
        cluster.Spec.ControlPlaneEndpoint = new ClusterControlPlaneEndpoint { Host = ip, Port = 6443 };
        cluster.SetVariable("clusterVip", ip);
        cluster = await clusters.ReplaceAsync(cluster, cancellationToken: timeout.Token);
        Print("vip set", cluster);
        break;
    }
}

// 4. Typed errors keep the server's Status.
try
{
    await clusters.GetAsync("default", "missing");
}
catch (KubernetesNotFoundException e)
{
    Console.WriteLine($"typed error: {e.GetType().Name} ({e.StatusCode} {e.Reason})");
}

// 5. Deleting the Cluster garbage-collects its claim; the IPAM provider releases the address (the claim's
//    finalizer), then the claim goes.
await clusters.DeleteAsync("default", "prod");
var claimListed = false;
await foreach (var change in claims.WatchAsync("default", new WatchOptions { FieldSelector = "metadata.name=prod-vip", IncludeBookmarks = true }, timeout.Token))
{
    claimListed |= change.Type == WatchEventKind.Added;
    if (change.Type == WatchEventKind.Deleted || (change.Type == WatchEventKind.Bookmark && !claimListed))
    {
        break;   // deleted, or already gone when the watch listed
    }
}

var left = (await claims.ListAsync("default")).Items.Count + (await addresses.ListAsync("default")).Items.Count;
Console.WriteLine($"deleted Cluster prod; claims and addresses left: {left}");

static void Print(string what, Cluster cluster) =>
    Console.WriteLine($"{what,-8} {cluster.Metadata.Name,-6} class={cluster.Spec.Topology?.ClassRef?.Name} endpoint={cluster.Spec.ControlPlaneEndpoint?.Host ?? "<none>"} clusterVip={cluster.GetVariableString("clusterVip") ?? "<none>"}");
