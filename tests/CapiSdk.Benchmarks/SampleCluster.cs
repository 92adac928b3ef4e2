using System.Text;

namespace CapiSdk.Benchmarks;

/// <summary>A realistic v1beta2 Cluster as a server returns it: a topology with 20 variables, status with conditions.</summary>
internal static class SampleCluster
{
    public static string Json(string name = "prod")
    {
        var variables = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            variables.Append(i == 0 ? string.Empty : ",");
            variables.Append((i % 3) switch
            {
                0 => $$$$"""{"name":"var{{{{i}}}}","value":"value-{{{{i}}}}"}""",
                1 => $$$$"""{"name":"var{{{{i}}}}","value":{"enabled":true,"count":{{{{i}}}},"tags":["a","b"]}}""",
                _ => $$$$"""{"name":"var{{{{i}}}}","value":{{{{i * 10}}}}}""",
            });
        }

        return $$$$"""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster",
             "metadata":{"name":"{{{{name}}}}","namespace":"default","uid":"5f0c6c1e-8a5e-4c43-9d8f-0a0b0c0d0e0f","resourceVersion":"12345","generation":4,
               "creationTimestamp":"2024-05-06T07:08:09Z","labels":{"cluster.x-k8s.io/cluster-name":"{{{{name}}}}","env":"prod","team":"platform"},
               "annotations":{"example.com/owner":"platform-team"},"finalizers":["cluster.cluster.x-k8s.io"]},
             "spec":{"paused":false,"clusterNetwork":{"pods":{"cidrBlocks":["192.168.0.0/16"]},"services":{"cidrBlocks":["10.128.0.0/12"]},"serviceDomain":"cluster.local"},
               "controlPlaneEndpoint":{"host":"10.0.0.42","port":6443},
               "controlPlaneRef":{"apiGroup":"controlplane.cluster.x-k8s.io","kind":"KubeadmControlPlane","name":"{{{{name}}}}-cp"},
               "infrastructureRef":{"apiGroup":"infrastructure.cluster.x-k8s.io","kind":"DockerCluster","name":"{{{{name}}}}-infra"},
               "topology":{"classRef":{"name":"quick-start"},"version":"v1.31.0",
                 "controlPlane":{"replicas":3,"metadata":{"labels":{"tier":"cp"}}},
                 "workers":{"machineDeployments":[{"class":"default-worker","name":"md-0","replicas":5},{"class":"gpu-worker","name":"md-1","replicas":2}]},
                 "variables":[{{{{variables}}}}]}},
             "status":{"phase":"Provisioned","observedGeneration":4,
               "initialization":{"infrastructureProvisioned":true,"controlPlaneInitialized":true},
               "conditions":[
                 {"type":"Available","status":"True","reason":"Available","message":"","lastTransitionTime":"2024-05-06T07:10:00Z","observedGeneration":4},
                 {"type":"ControlPlaneAvailable","status":"True","reason":"Available","message":"","lastTransitionTime":"2024-05-06T07:09:30Z","observedGeneration":4},
                 {"type":"InfrastructureReady","status":"True","reason":"Ready","message":"","lastTransitionTime":"2024-05-06T07:08:40Z","observedGeneration":4},
                 {"type":"WorkersAvailable","status":"True","reason":"Available","message":"","lastTransitionTime":"2024-05-06T07:11:00Z","observedGeneration":4},
                 {"type":"RemoteConnectionProbe","status":"True","reason":"Probed","message":"","lastTransitionTime":"2024-05-06T07:09:00Z","observedGeneration":4},
                 {"type":"Paused","status":"False","reason":"NotPaused","message":"","lastTransitionTime":"2024-05-06T07:08:09Z","observedGeneration":4}]}}
            """;
    }
}
