using k8s.Models;

namespace CapiSdk.Client;

/// <summary>429 TooManyRequests; <see cref="KubernetesApiException.RetryAfter"/> says when to try again.</summary>
public sealed class KubernetesTooManyRequestsException(V1Status status, TimeSpan? retryAfter) : KubernetesApiException(status, retryAfter);
