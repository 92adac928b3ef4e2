namespace CapiSdk.Testing.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer 500 InternalError with a metav1 Status.</summary>
    InternalServerError,

    /// <summary>Answer 503 ServiceUnavailable with a metav1 Status.</summary>
    ServiceUnavailable,

    /// <summary>Answer 429 TooManyRequests with a Retry-After header, as API priority and fairness does.</summary>
    TooManyRequests,

    /// <summary>Abort the TCP connection without any response.</summary>
    DropConnection,

    /// <summary>For watches: abort the connection after <see cref="FaultRule.CutWatchAfterEvents"/> events have been sent.</summary>
    CutWatch,
}
