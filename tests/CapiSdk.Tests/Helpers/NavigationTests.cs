using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Navigation;
using CapiSdk.Testing;
using CapiSdk.Tests.Infrastructure;
using k8s;

namespace CapiSdk.Tests.Helpers;

/// <summary>From an object to its Cluster by the cluster-name label, and along owner references, against CapiSdk.Testing.</summary>
public sealed class NavigationTests : IAsyncLifetime
{
    private KubeApiServer _server = null!;
    private IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;
    private MachineDeploymentClient _deployments = null!;
    private MachineSetClient _machineSets = null!;
    private MachineClient _machines = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        _kubernetes = _server.CreateClient();
        (_clusters, _deployments, _machineSets, _machines) = (new(_kubernetes), new(_kubernetes), new(_kubernetes), new(_kubernetes));
    }

    public async Task DisposeAsync()
    {
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_Machine_finds_its_Cluster_by_the_cluster_name_label()
    {
        var cluster = await _clusters.CreateAsync(NewCluster("prod"));
        var machine = await _machines.CreateAsync(NewMachine("prod-m1", "prod"));

        var found = await machine.GetClusterAsync(_clusters);

        Assert.Equal("prod", machine.GetClusterName());
        Assert.Equal(cluster.Metadata.Uid, found.Metadata.Uid);
    }

    [Fact]
    public async Task An_object_without_the_label_gets_an_error_naming_the_label()
    {
        var machine = Json.Read<Machine>("""{ "kind": "Machine", "metadata": { "name": "loose", "namespace": "default" } }""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.GetClusterAsync(_clusters));

        Assert.Contains("default/loose has no cluster.x-k8s.io/cluster-name label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Cluster_lists_only_its_own_MachineDeployments_and_Machines()
    {
        var prod = await _clusters.CreateAsync(NewCluster("prod"));
        await _clusters.CreateAsync(NewCluster("dev"));
        await _deployments.CreateAsync(NewDeployment("prod-md-0", "prod"));
        await _deployments.CreateAsync(NewDeployment("dev-md-0", "dev"));
        await _machines.CreateAsync(NewMachine("prod-m1", "prod"));
        await _machines.CreateAsync(NewMachine("dev-m1", "dev"));

        var deployments = await prod.ListClusterObjectsAsync(_deployments).Select(d => d.Metadata.Name).ToListAsync();
        var machines = await prod.ListClusterObjectsAsync(_machines).Select(m => m.Metadata.Name).ToListAsync();

        Assert.Equal(["prod-md-0"], deployments);
        Assert.Equal(["prod-m1"], machines);
    }

    [Fact]
    public async Task Owners_and_owned_objects_are_followed_by_uid()
    {
        var deployment = await _deployments.CreateAsync(NewDeployment("prod-md-0", "prod"));
        var set = NewMachineSet("prod-md-0-abc", "prod");
        set.SetOwnerReference(deployment);
        set = await _machineSets.CreateAsync(set);
        var owned = NewMachine("prod-m1", "prod");
        owned.SetOwnerReference(set);
        await _machines.CreateAsync(owned);
        await _machines.CreateAsync(NewMachine("prod-m2", "prod"));

        var machines = await set.ListOwnedAsync(_machines).Select(m => m.Metadata.Name).ToListAsync();
        var owner = await (await _machines.GetAsync("default", "prod-m1")).GetControllerAsync(_machineSets);
        var wrongKind = await (await _machines.GetAsync("default", "prod-m1")).GetControllerAsync(_deployments);
        var none = await (await _machines.GetAsync("default", "prod-m2")).GetControllerAsync(_machineSets);

        Assert.Equal(["prod-m1"], machines);
        Assert.Equal(set.Metadata.Uid, owner?.Metadata.Uid);
        Assert.Null(wrongKind);
        Assert.Null(none);
    }

    [Fact]
    public async Task A_replaced_owner_with_the_same_name_is_not_the_owner()
    {
        var set = await _machineSets.CreateAsync(NewMachineSet("prod-md-0-abc", "prod"));
        var machine = NewMachine("prod-m1", "prod");
        machine.SetOwnerReference(set);
        machine = await _machines.CreateAsync(machine);
        await _machineSets.DeleteAsync("default", set.Metadata.Name, new DeleteOptions { Propagation = PropagationPolicy.Orphan });
        await _machineSets.CreateAsync(NewMachineSet("prod-md-0-abc", "prod"));

        Assert.Null(await machine.GetControllerAsync(_machineSets));
    }

    private static Cluster NewCluster(string name) => Json.Read<Cluster>($$"""
        { "metadata": { "name": "{{name}}", "namespace": "default" }, "spec": { "topology": { "classRef": { "name": "quick-start" }, "version": "v1.31.0" } } }
        """);

    private static Machine NewMachine(string name, string cluster) => Json.Read<Machine>($$"""
        { "metadata": { "name": "{{name}}", "namespace": "default", "labels": { "cluster.x-k8s.io/cluster-name": "{{cluster}}" } }, "spec": {{MachineSpec(cluster)}} }
        """);

    private static MachineDeployment NewDeployment(string name, string cluster) => Json.Read<MachineDeployment>(Pool(name, cluster));

    private static MachineSet NewMachineSet(string name, string cluster) => Json.Read<MachineSet>(Pool(name, cluster));

    private static string Pool(string name, string cluster) => $$"""
        { "metadata": { "name": "{{name}}", "namespace": "default", "labels": { "cluster.x-k8s.io/cluster-name": "{{cluster}}" } },
          "spec": { "clusterName": "{{cluster}}", "selector": { "matchLabels": { "pool": "{{name}}" } },
                    "template": { "metadata": { "labels": { "pool": "{{name}}" } }, "spec": {{MachineSpec(cluster)}} } } }
        """;

    private static string MachineSpec(string cluster) => $$"""
        { "clusterName": "{{cluster}}", "bootstrap": { "dataSecretName": "bootstrap" },
          "infrastructureRef": { "apiGroup": "infrastructure.cluster.x-k8s.io", "kind": "DockerMachine", "name": "m" } }
        """;
}
