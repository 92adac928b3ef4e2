using k8s.Models;

namespace CapiSdk.Client;

/// <summary>404 NotFound: the object (or its namespace) does not exist.</summary>
public sealed class KubernetesNotFoundException(V1Status status) : KubernetesApiException(status);
