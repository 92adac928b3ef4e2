using System.Collections.Concurrent;

namespace CapiSdk.Testing.Diagnostics;

/// <summary>Counts the API requests the server received, by verb and resource. Thread-safe.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<(string Verb, string Resource), long> _counts = new();
    private readonly Lock _recordingsLock = new();
    private volatile RequestRecording[] _recordings = [];

    internal RequestCounters()
    {
    }

    /// <summary>Requests with this verb, for one resource (plural or plural.group) or, when null, for all resources.</summary>
    /// <param name="verb">get, list, watch, create, update, patch, delete or deletecollection.</param>
    /// <param name="resource">"widgets" or "widgets.example.com"; null for every resource.</param>
    /// <returns>The number of requests.</returns>
    public long Count(string verb, string? resource = null) =>
        _counts.Where(kv => kv.Key.Verb == verb && (resource is null || kv.Key.Resource == resource || kv.Key.Resource.Split('.')[0] == resource))
            .Sum(kv => kv.Value);

    /// <summary>Every resource request so far.</summary>
    public long Total => _counts.Values.Sum();

    /// <summary>A copy of all counters, keyed "verb resource" (e.g. "list widgets.example.com").</summary>
    /// <returns>The counters.</returns>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        _counts.ToDictionary(kv => $"{kv.Key.Verb} {kv.Key.Resource}", kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset() => _counts.Clear();

    /// <summary>Starts recording every resource request (verb, group, resource, subresource, namespace, name) until the recording is disposed.</summary>
    /// <returns>The recording.</returns>
    public RequestRecording StartRecording()
    {
        var recording = new RequestRecording(Stop);
        lock (_recordingsLock)
        {
            _recordings = [.. _recordings, recording];
        }
        return recording;
    }

    internal void Increment(string verb, string resource) => _counts.AddOrUpdate((verb, resource), 1, (_, n) => n + 1);

    internal bool IsRecording => _recordings.Length > 0;

    internal void Record(RequestRecord request)
    {
        foreach (var recording in _recordings)
        {
            recording.Add(request);
        }
    }

    private void Stop(RequestRecording recording)
    {
        lock (_recordingsLock)
        {
            _recordings = [.. _recordings.Where(r => r != recording)];
        }
    }
}
