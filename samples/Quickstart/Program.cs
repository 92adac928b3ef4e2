using System.Text.Json;
using Quickstart.Models;
using Quickstart.Models.Cluster.V1Beta2;

// A Cluster as a v1beta2 API server returns it, with a field this SDK's schema does not know.
const string FromServer = """
    {
      "apiVersion": "cluster.x-k8s.io/v1beta2",
      "kind": "Cluster",
      "metadata": { "name": "prod", "namespace": "default", "labels": { "env": "prod" } },
      "spec": {
        "topology": {
          "classRef": { "name": "quick-start" },
          "version": "v1.31.0",
          "variables": [ { "name": "clusterVip", "value": "" } ]
        },
        "fieldFromANewerRelease": { "kept": true }
      },
      "status": { "phase": "Provisioning" }
    }
    """;

var cluster = JsonSerializer.Deserialize(FromServer, CrdJsonContext.Default.ClusterV1Beta2)!;
Console.WriteLine($"{"NAME",-8} {"CLASS",-12} {"VERSION",-9} {"PHASE",-13} ENDPOINT");
Print(cluster);

// What the VIP allocator does: write the address to the endpoint and to the clusterVip variable.
cluster.Spec.ControlPlaneEndpoint = new ClusterSpecControlPlaneEndpoint { Host = "10.0.0.42", Port = 6443 };
var vip = cluster.Spec.Topology!.Variables!.Single(v => v.Name == "clusterVip");
vip.Value = JsonSerializer.SerializeToNode("10.0.0.42");
Print(cluster);

Console.WriteLine();
Console.WriteLine("Written back (the unknown field survives, nothing unset is written):");
Console.WriteLine(JsonSerializer.Serialize(cluster, CrdJsonContext.Default.ClusterV1Beta2));

static void Print(Cluster cluster) =>
    Console.WriteLine($"{cluster.Metadata.Name,-8} {cluster.Spec.Topology?.ClassRef?.Name,-12} {cluster.Spec.Topology?.Version,-9} {cluster.Status?.Phase,-13} {cluster.Spec.ControlPlaneEndpoint?.Host ?? "<none>"}");
