using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>requestHook</c> of a discovered handler: the versioned hook it serves.</summary>
/// <param name="ApiVersion"><c>apiVersion</c>: <c>hooks.runtime.cluster.x-k8s.io/v1alpha1</c>.</param>
/// <param name="Hook"><c>hook</c>: the hook's name, e.g. <c>BeforeClusterCreate</c>.</param>
public sealed record GroupVersionHook(
    [property: JsonPropertyName("apiVersion")] string ApiVersion,
    [property: JsonPropertyName("hook")] string Hook);
