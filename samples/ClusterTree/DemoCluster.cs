using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CapiSdk.Client;
using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Models.Controlplane.Cluster.V1Beta2;
using k8s;
using k8s.Models;

namespace ClusterTree;

/// <summary>
/// Creates what Cluster API would have made of a topology Cluster: the Cluster, a KubeadmControlPlane with three
/// Machines, a MachineDeployment with a MachineSet and two Machines, owner references, cluster-name labels and
/// status conditions. The objects are written as JSON, as in a manifest, and read into the typed models.
/// </summary>
internal static class DemoCluster
{
    private static readonly DateTimeOffset Created = DateTimeOffset.UtcNow.AddMinutes(-12);

    public static async Task CreateAsync(
        ClusterClient clusters, KubeadmControlPlaneClient controlPlanes, MachineDeploymentClient deployments,
        MachineSetClient machineSets, MachineClient machines, string name)
    {
        var labels = $$"""{ "cluster.x-k8s.io/cluster-name": "{{name}}" }""";
        var cluster = await clusters.CreateAsync(Read<Cluster>($$"""
            { "metadata": { "name": "{{name}}", "namespace": "default" },
              "spec": { "controlPlaneRef": { "apiGroup": "controlplane.cluster.x-k8s.io", "kind": "KubeadmControlPlane", "name": "{{name}}-cp" },
                        "infrastructureRef": { "apiGroup": "infrastructure.cluster.x-k8s.io", "kind": "DockerCluster", "name": "{{name}}" },
                        "topology": { "classRef": { "name": "quick-start" }, "version": "v1.31.0",
                                      "workers": { "machineDeployments": [ { "class": "default-worker", "name": "md-0", "replicas": 2 } ] } } } }
            """));
        cluster.Status = Read<Cluster>($$"""{ "status": { "phase": "Provisioned", "conditions": [ {{Condition("Available", "True", "Available")}}, {{Condition("Ready", "True", "Ready")}} ] } }""").Status;
        await clusters.ReplaceStatusAsync(cluster);

        var controlPlane = await controlPlanes.CreateAsync(Read<KubeadmControlPlane>($$"""
            { "metadata": { "name": "{{name}}-cp", "namespace": "default", "labels": {{labels}} },
              "spec": { "replicas": 3, "version": "v1.31.0",
                        "machineTemplate": { "spec": { "infrastructureRef": { "apiGroup": "infrastructure.cluster.x-k8s.io", "kind": "DockerMachineTemplate", "name": "{{name}}-cp" } } } } }
            """));
        controlPlane.SetOwnerReference(cluster);
        controlPlane = await controlPlanes.ReplaceAsync(controlPlane);
        controlPlane.Status = Read<KubeadmControlPlane>($$"""{ "status": { "replicas": 3, "readyReplicas": 3, "availableReplicas": 3, "conditions": [ {{Condition("Available", "True", "Available")}}, {{Condition("Ready", "True", "Ready")}} ] } }""").Status;
        await controlPlanes.ReplaceStatusAsync(controlPlane);
        for (var i = 0; i < 3; i++)
        {
            await CreateMachineAsync(machines, controlPlane, $"{name}-cp-{i}", name, controlPlane: true);
        }

        var deployment = await deployments.CreateAsync(Read<MachineDeployment>($$"""
            { "metadata": { "name": "{{name}}-md-0", "namespace": "default", "labels": {{labels}} },
              "spec": { "clusterName": "{{name}}", "replicas": 2, "selector": { "matchLabels": { "pool": "md-0" } },
                        "template": { "metadata": { "labels": { "pool": "md-0" } }, "spec": {{MachineSpec(name, "md-0")}} } } }
            """));
        deployment.SetOwnerReference(cluster);
        deployment = await deployments.ReplaceAsync(deployment);
        deployment.Status = Read<MachineDeployment>($$"""{ "status": { "phase": "Running", "replicas": 2, "readyReplicas": 2, "availableReplicas": 2, "conditions": [ {{Condition("Available", "True", "Available")}}, {{Condition("Ready", "True", "Ready")}} ] } }""").Status;
        await deployments.ReplaceStatusAsync(deployment);

        var machineSet = Read<MachineSet>($$"""
            { "metadata": { "name": "{{name}}-md-0-7f9c", "namespace": "default", "labels": {{labels}} },
              "spec": { "clusterName": "{{name}}", "replicas": 2, "selector": { "matchLabels": { "pool": "md-0" } },
                        "template": { "metadata": { "labels": { "pool": "md-0" } }, "spec": {{MachineSpec(name, "md-0")}} } } }
            """);
        machineSet.SetOwnerReference(deployment);
        machineSet = await machineSets.CreateAsync(machineSet);
        machineSet.Status = Read<MachineSet>($$"""{ "status": { "replicas": 2, "readyReplicas": 1, "availableReplicas": 1, "conditions": [ {{Condition("Available", "True", "Available")}}, {{Condition("Ready", "False", "NotReady", "1 of 2 Machines is not ready")}} ] } }""").Status;
        await machineSets.ReplaceStatusAsync(machineSet);
        await CreateMachineAsync(machines, machineSet, $"{name}-md-0-7f9c-abcde", name, controlPlane: false);
        await CreateMachineAsync(machines, machineSet, $"{name}-md-0-7f9c-fghij", name, controlPlane: false, ready: false);
    }

    private static async Task CreateMachineAsync(MachineClient machines, IKubernetesObject<V1ObjectMeta> owner, string name, string cluster, bool controlPlane, bool ready = true)
    {
        var machine = Read<Machine>($$"""
            { "metadata": { "name": "{{name}}", "namespace": "default",
                            "labels": { "cluster.x-k8s.io/cluster-name": "{{cluster}}"{{(controlPlane ? ", \"cluster.x-k8s.io/control-plane\": \"\"" : string.Empty)}} } },
              "spec": {{MachineSpec(cluster, name)}} }
            """);
        machine.SetOwnerReference(owner);
        machine = await machines.CreateAsync(machine);
        var status = ready
            ? $$"""{ "phase": "Running", "nodeRef": { "name": "{{name}}" }, "conditions": [ {{Condition("Available", "True", "Available")}}, {{Condition("Ready", "True", "Ready")}} ] }"""
            : $$"""{ "phase": "Provisioned", "conditions": [ {{Condition("Available", "False", "NotAvailable")}}, {{Condition("Ready", "False", "NodeNotReady", "Node is starting")}} ] }""";
        machine.Status = Read<Machine>($$"""{ "status": {{status}} }""").Status;
        await machines.ReplaceStatusAsync(machine);
    }

    private static string MachineSpec(string cluster, string name) => $$"""
        { "clusterName": "{{cluster}}", "version": "v1.31.0",
          "bootstrap": { "configRef": { "apiGroup": "bootstrap.cluster.x-k8s.io", "kind": "KubeadmConfig", "name": "{{name}}" } },
          "infrastructureRef": { "apiGroup": "infrastructure.cluster.x-k8s.io", "kind": "DockerMachine", "name": "{{name}}" } }
        """;

    private static string Condition(string type, string status, string reason, string message = "") =>
        $$"""{ "type": "{{type}}", "status": "{{status}}", "reason": "{{reason}}", "message": "{{message}}", "lastTransitionTime": "{{Created:yyyy-MM-ddTHH:mm:ssZ}}" }""";

    private static T Read<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)CrdJsonContext.Default.Options.GetTypeInfo(typeof(T)))!;
}
