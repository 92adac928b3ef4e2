using k8s.Models;

namespace CapiSdk.Client;

/// <summary>403 Forbidden.</summary>
public sealed class KubernetesForbiddenException(V1Status status) : KubernetesApiException(status);
