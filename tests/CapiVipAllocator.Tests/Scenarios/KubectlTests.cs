using System.Diagnostics;
using CapiVipAllocator.Tests.Support;

namespace CapiVipAllocator.Tests.Scenarios;

public sealed class KubectlTests
{
    private const string Manifests = """
        apiVersion: ipam.cluster.x-k8s.io/v1alpha2
        kind: GlobalInClusterIPPool
        metadata:
          name: control-plane-vip-pool
          labels:
            vip.capi.gorizond.io/cluster-class: my-cluster-class
            vip.capi.gorizond.io/role: control-plane
        spec:
          addresses: ["10.0.0.10-10.0.0.20"]
          gateway: 10.0.0.1
          prefix: 24
        ---
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: ClusterClass
        metadata:
          name: my-cluster-class
          namespace: default
        spec:
          controlPlane:
            templateRef: {apiVersion: controlplane.cluster.x-k8s.io/v1beta2, kind: KubeadmControlPlaneTemplate, name: cp}
          infrastructure:
            templateRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta2, kind: DockerClusterTemplate, name: infra}
          variables:
          - name: clusterVip
            required: false
            schema:
              openAPIV3Schema: {type: string, default: ""}
        ---
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: Cluster
        metadata:
          name: my-cluster
          namespace: default
        spec:
          topology:
            classRef: {name: my-cluster-class}
            version: v1.31.0
        """;

    [SkippableFact]
    public async Task Kubectl_applies_the_readme_manifests_waits_for_the_condition_and_deletes()
    {
        Skip.If(FindKubectl() is null, "kubectl is not on PATH");
        await using var s = await Scenario.StartAsync();
        await s.StartControllerAsync();
        var manifest = Path.Combine(Path.GetTempPath(), "vip-" + Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(manifest, Manifests);
        try
        {
            await KubectlAsync(s, "apply", "--server-side", "-f", manifest);
            await KubectlAsync(s, "wait", "cluster/my-cluster", "--for=condition=ControlPlaneVipReady", "--timeout=60s");

            Assert.Equal("10.0.0.10", (await KubectlAsync(s, "get", "cluster", "my-cluster", "-o", "jsonpath={.spec.controlPlaneEndpoint.host}")).Trim());
            Assert.Equal("10.0.0.10", (await KubectlAsync(s, "get", "cluster", "my-cluster", "-o", "jsonpath={.spec.topology.variables[?(@.name==\"clusterVip\")].value}")).Trim());
            Assert.Contains("vip-cp-my-cluster", await KubectlAsync(s, "get", "ipaddressclaims", "-o", "name"));

            await KubectlAsync(s, "delete", "cluster", "my-cluster", "--wait=true");
            await Wait.UntilAsync(s.Server, async () => (await s.Claims.ListAsync("default")).Items.Count == 0, "claim released after kubectl delete");
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private static string? FindKubectl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);

    private static async Task<string> KubectlAsync(Scenario s, params string[] args)
    {
        var info = new ProcessStartInfo("kubectl", ["--kubeconfig", s.Server.KubeconfigPath, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Scenario.Timeout);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
