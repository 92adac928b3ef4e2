using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>The response of a blocking hook (Cluster API's <c>CommonRetryResponse</c>).</summary>
public abstract class RetryHookResponse : HookResponse
{
    /// <summary>Creates a response of the given kind with <see cref="ResponseStatus.Success"/> and no retry.</summary>
    /// <param name="kind">The response kind.</param>
    protected RetryHookResponse(string kind)
        : base(kind)
    {
    }

    /// <summary>
    /// <c>retryAfterSeconds</c>: 0 lets the lifecycle step go on; a positive value blocks it and Cluster API calls
    /// the hook again after about that many seconds (with several extensions, after the lowest non-zero value).
    /// </summary>
    [JsonPropertyName("retryAfterSeconds")]
    public int RetryAfterSeconds { get; set; }
}
