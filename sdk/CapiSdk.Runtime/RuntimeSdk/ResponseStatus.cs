using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>The <c>status</c> of a hook response, as Cluster API's <c>ResponseStatus</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseStatus>))]
public enum ResponseStatus
{
    /// <summary><c>Success</c>: the call worked (a non-zero <c>retryAfterSeconds</c> still blocks the lifecycle step).</summary>
    Success,

    /// <summary><c>Failure</c>: Cluster API treats the call as an error, whatever the handler's failure policy, and retries with backoff.</summary>
    Failure,
}
