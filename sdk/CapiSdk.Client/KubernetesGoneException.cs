using k8s.Models;

namespace CapiSdk.Client;

/// <summary>410 Gone (reason Expired): the resourceVersion or continue token is older than the server keeps.</summary>
public sealed class KubernetesGoneException(V1Status status) : KubernetesApiException(status);
