namespace CapiSdk.Runtime.Queue;

/// <summary>
/// An overall rate limit: a bucket of <c>burst</c> tokens refilled at <c>rate</c> per second. Reserving always
/// succeeds and says how long to wait for the reserved token, like Go's <c>rate.Limiter.Reserve</c>.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    public TokenBucket(double rate, int burst, TimeProvider time)
    {
        _rate = rate;
        _burst = Math.Max(1, burst);
        _time = time;
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes a token (possibly one not yet refilled) and returns how long until it is available.</summary>
    public TimeSpan Reserve()
    {
        if (_rate <= 0)
        {
            return TimeSpan.Zero;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
            _last = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _rate));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }
}
