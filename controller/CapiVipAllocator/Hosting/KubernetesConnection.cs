using k8s;

namespace CapiVipAllocator.Hosting;

/// <summary>Where the controller finds its API server and the Lease's namespace.</summary>
internal static class KubernetesConnection
{
    private const string NamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>
    /// The client: <c>--kubeconfig</c> when given; inside a pod (KUBERNETES_SERVICE_HOST set) the in-cluster
    /// configuration; otherwise KUBECONFIG or ~/.kube/config.
    /// </summary>
    /// <exception cref="InvalidOperationException">No configuration could be loaded; the message says which was tried.</exception>
    public static IKubernetes Create(string? kubeconfig)
    {
        try
        {
            var configuration = kubeconfig is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
                : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
                    ? KubernetesClientConfiguration.InClusterConfig()
                    : KubernetesClientConfiguration.BuildConfigFromConfigFile(Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } path ? path : null);
            return new Kubernetes(configuration);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            var tried = kubeconfig ?? (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")) ? "KUBECONFIG or ~/.kube/config" : "the in-cluster service account");
            throw new InvalidOperationException($"cannot load the Kubernetes configuration from {tried}: {e.Message}. Pass --kubeconfig <path>, or run inside a pod.", e);
        }
    }

    /// <summary>The Lease's namespace: the flag, else POD_NAMESPACE, else the pod's service-account namespace, else capi-system.</summary>
    public static string LeaseNamespace(string? flag)
    {
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }

        if (Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } pod)
        {
            return pod;
        }

        return File.Exists(NamespaceFile) && File.ReadAllText(NamespaceFile).Trim() is { Length: > 0 } mounted ? mounted : "capi-system";
    }
}
