using k8s.Models;

namespace CapiSdk.Client;

/// <summary>422 Invalid: the object fails validation; <see cref="KubernetesApiException.Causes"/> names each field.</summary>
public sealed class KubernetesInvalidException(V1Status status) : KubernetesApiException(status);
