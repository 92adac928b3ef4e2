using k8s.Models;

namespace CapiSdk.Client;

/// <summary>409 AlreadyExists: an object with that name exists.</summary>
public sealed class KubernetesAlreadyExistsException(V1Status status) : KubernetesApiException(status);
