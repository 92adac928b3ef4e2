using k8s.Models;

namespace CapiSdk.Client;

/// <summary>409 Conflict: the object changed since it was read (stale resourceVersion), or another field manager owns a field.</summary>
public sealed class KubernetesConflictException(V1Status status) : KubernetesApiException(status);
