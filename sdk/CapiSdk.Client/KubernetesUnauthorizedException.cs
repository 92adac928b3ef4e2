using k8s.Models;

namespace CapiSdk.Client;

/// <summary>401 Unauthorized.</summary>
public sealed class KubernetesUnauthorizedException(V1Status status) : KubernetesApiException(status);
