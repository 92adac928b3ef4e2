namespace CapiSdk.Testing.Storage;

/// <summary>
/// A bounded ring of the most recent events. A watch that starts from a resourceVersion older than
/// what the ring still holds is told its version has expired (410 Gone), as etcd compaction does.
/// </summary>
internal sealed class WatchHistory
{
    private readonly WatchEvent?[] _ring;
    private int _next;
    private int _count;

    public WatchHistory(int capacity)
    {
        _ring = new WatchEvent?[Math.Max(1, capacity)];
    }

    /// <summary>Every event with a revision at or below this one has been forgotten.</summary>
    public long CompactedRevision { get; private set; }

    /// <summary>Forgets every event up to <paramref name="revision"/>, as an etcd compaction does.</summary>
    public void CompactTo(long revision)
    {
        Array.Clear(_ring);
        _next = 0;
        _count = 0;
        CompactedRevision = Math.Max(CompactedRevision, revision);
    }

    public void Add(WatchEvent e)
    {
        var old = _ring[_next];
        if (old is not null && _count == _ring.Length)
        {
            CompactedRevision = old.Revision;
        }
        _ring[_next] = e;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    /// <summary>True when every event after <paramref name="revision"/> is still held.</summary>
    public bool CanReplayFrom(long revision) => revision >= CompactedRevision;

    public IEnumerable<WatchEvent> After(long revision)
    {
        var start = (_next - _count + _ring.Length) % _ring.Length;
        for (var i = 0; i < _count; i++)
        {
            var e = _ring[(start + i) % _ring.Length]!;
            if (e.Revision > revision)
            {
                yield return e;
            }
        }
    }
}
