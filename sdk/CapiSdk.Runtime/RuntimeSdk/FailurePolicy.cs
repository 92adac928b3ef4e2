using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// How Cluster API treats an error <em>calling</em> a handler (connection refused, timeout, a non-200 answer, an
/// unreadable body). It never applies to a response with <see cref="ResponseStatus.Failure"/>, which always fails.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailurePolicy>))]
public enum FailurePolicy
{
    /// <summary><c>Fail</c> (Cluster API's default): the error fails the lifecycle step, which is retried.</summary>
    Fail,

    /// <summary><c>Ignore</c>: the error is logged and the call counts as a <see cref="ResponseStatus.Success"/> without a retry.</summary>
    Ignore,
}
