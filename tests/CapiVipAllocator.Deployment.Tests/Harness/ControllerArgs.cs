namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>The controller's arguments in a test: the Deployment's own, plus where to connect and listen.</summary>
internal static class ControllerArgs
{
    /// <summary>
    /// <paramref name="args"/> (e.g. the Deployment's) with the bind addresses replaced by 127.0.0.1 ports (replicas
    /// share the host network) and the kubeconfig and Lease namespace added.
    /// </summary>
    public static IEnumerable<string> For(IEnumerable<string> args, string kubeconfig, int probePort, int metricsPort) =>
        args.Where(a => !a.StartsWith("--health-probe-bind-address", StringComparison.Ordinal) && !a.StartsWith("--metrics-bind-address", StringComparison.Ordinal))
            .Concat([
                $"--health-probe-bind-address=127.0.0.1:{probePort}",
                $"--metrics-bind-address=127.0.0.1:{metricsPort}",
                $"--kubeconfig={kubeconfig}",
                $"--leader-election-namespace={Support.Bundle.Namespace}",
            ]);
}
