namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>
/// A client-side handler that holds every POST until <see cref="Open"/>, and says when the first one arrived: it
/// keeps a writer busy for exactly as long as a test needs, instead of for a fixed server latency.
/// </summary>
internal sealed class PostGate : DelegatingHandler
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first POST is being held.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Lets every held and later POST through.</summary>
    public void Open() => _open.TrySetResult();

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
        {
            _arrived.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
