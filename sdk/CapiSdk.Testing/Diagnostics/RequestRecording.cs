using System.Collections.Concurrent;

namespace CapiSdk.Testing.Diagnostics;

/// <summary>
/// The resource requests the server received while this recording was open, in arrival order
/// (from <see cref="RequestCounters.StartRecording"/>). Dispose it to stop recording. Thread-safe.
/// </summary>
public sealed class RequestRecording : IDisposable
{
    private readonly ConcurrentQueue<RequestRecord> _requests = new();
    private readonly Action<RequestRecording> _stop;

    internal RequestRecording(Action<RequestRecording> stop) => _stop = stop;

    /// <summary>A copy of the requests recorded so far.</summary>
    public IReadOnlyList<RequestRecord> Requests => [.. _requests];

    /// <summary>Stops recording; <see cref="Requests"/> stays readable.</summary>
    public void Dispose() => _stop(this);

    internal void Add(RequestRecord request) => _requests.Enqueue(request);
}
