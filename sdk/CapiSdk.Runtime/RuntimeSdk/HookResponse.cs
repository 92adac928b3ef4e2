using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>What every hook response carries (Cluster API's <c>TypeMeta</c> and <c>CommonResponse</c>).</summary>
public abstract class HookResponse
{
    /// <summary>Creates a response of the given kind with <see cref="ResponseStatus.Success"/>.</summary>
    /// <param name="kind">The response kind, e.g. <c>BeforeClusterCreateResponse</c>.</param>
    protected HookResponse(string kind) => Kind = kind;

    /// <summary><c>apiVersion</c>: <c>hooks.runtime.cluster.x-k8s.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = RuntimeHooks.ApiVersion;

    /// <summary><c>kind</c>, e.g. <c>BeforeClusterCreateResponse</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    /// <summary><c>status</c>; <see cref="ResponseStatus.Success"/> unless set.</summary>
    [JsonPropertyName("status")]
    public ResponseStatus Status { get; set; } = ResponseStatus.Success;

    /// <summary><c>message</c>: a human-readable description; Cluster API logs it (and shows it for a failure).</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; set; }
}
