using System.Collections.Concurrent;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Queue;
using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Tests.Support;

/// <summary>A reconciler that records every call, counts overlapping calls for one key, and runs an optional body.</summary>
internal sealed class RecordingReconciler<T> : IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<ReconcileRequest, int> _inFlight = new();
    private readonly Func<ReconcileRequest, int, CancellationToken, Task<ReconcileResult>>? _body;
    private int _overlaps;
    private int _calls;

    public RecordingReconciler(Func<ReconcileRequest, int, CancellationToken, Task<ReconcileResult>>? body = null) => _body = body;

    /// <summary>Requests, in the order reconciles started.</summary>
    public Recorder<ReconcileRequest> Calls { get; } = new();

    /// <summary>How many times a reconcile started while another of the same key ran.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (_inFlight.AddOrUpdate(request, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            var call = Interlocked.Increment(ref _calls);
            Calls.Add(request);
            return _body is null ? ReconcileResult.Done : await _body(request, call, cancellationToken);
        }
        finally
        {
            _inFlight.AddOrUpdate(request, 0, (_, n) => n - 1);
        }
    }
}
