using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Controlplane.Cluster.V1Beta2;
using CapiSdk.Navigation;
using CapiSdk.Testing;
using ClusterTree;

// A Cluster's tree, read with the typed clients and printed as `clusterctl describe cluster` shows it:
// Cluster → control plane (and its Machines) → MachineDeployments → MachineSets → Machines.
// Runs against an in-process API server serving the SDK's CRDs, with objects it creates first.
var crds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "crds"), "*.yaml", SearchOption.AllDirectories);
var options = new KubeApiServerOptions();
foreach (var crd in crds)
{
    options.CrdFiles.Add(crd);
}

await using var server = await KubeApiServer.StartAsync(options);
using var kubernetes = server.CreateClient();
Console.WriteLine($"In-process API server at {server.BaseAddress} serving {crds.Length} CRDs");

var clusters = new ClusterClient(kubernetes);
var controlPlanes = new KubeadmControlPlaneClient(kubernetes);
var deployments = new MachineDeploymentClient(kubernetes);
var machineSets = new MachineSetClient(kubernetes);
var machines = new MachineClient(kubernetes);

await DemoCluster.CreateAsync(clusters, controlPlanes, deployments, machineSets, machines, "prod");

// Read the tree: every step is a typed read; owners are followed by UID, the cluster by its cluster-name label.
var cluster = await clusters.GetAsync("default", "prod");
var tree = new TreePrinter(DateTimeOffset.UtcNow);
tree.Add(0, cluster);
if (cluster.Spec.ControlPlaneRef is { Kind: "KubeadmControlPlane", Name: { } controlPlaneName })
{
    var controlPlane = await controlPlanes.GetAsync("default", controlPlaneName);
    tree.Add(1, controlPlane, "ControlPlane");
    await foreach (var machine in controlPlane.ListOwnedAsync(machines))
    {
        tree.Add(2, machine);
    }
}

tree.Group(1, "Workers");
await foreach (var deployment in cluster.ListClusterObjectsAsync(deployments))
{
    tree.Add(2, deployment);
    await foreach (var machineSet in deployment.ListOwnedAsync(machineSets))
    {
        tree.Add(3, machineSet);
        await foreach (var machine in machineSet.ListOwnedAsync(machines))
        {
            tree.Add(4, machine);
        }
    }
}

Console.Write(tree.Render());

// And back up: a Machine knows its Cluster by label and its MachineSet by owner reference.
await foreach (var machine in machines.ListAllAsync("default"))
{
    var owner = (await machine.GetControllerAsync(machineSets))?.Metadata.Name ?? (await machine.GetControllerAsync(controlPlanes))?.Metadata.Name;
    Console.WriteLine($"Machine/{machine.Metadata.Name} → Cluster/{(await machine.GetClusterAsync(clusters)).Metadata.Name}, owner {owner}");
}
