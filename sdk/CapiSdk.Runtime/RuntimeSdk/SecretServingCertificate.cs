using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// The serving certificate of a self-signed extension, kept in its <see cref="CertificateSecretStore"/> Secret: read
/// (or made) at start, then read again every <see cref="RuntimeExtensionOptions.SecretRefreshInterval"/>, renewing it
/// when it expires, so a rotation by any replica is served by all. A failed refresh keeps the current certificate and
/// is logged.
/// </summary>
internal sealed class SecretServingCertificate : IAsyncDisposable
{
    private readonly CertificateSecretStore _store;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private volatile SecretCertificate _current;
    private Task _refreshing = Task.CompletedTask;

    private SecretServingCertificate(CertificateSecretStore store, SecretCertificate current, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _store = store;
        _current = current;
        _interval = interval;
        _time = time;
        _logger = logger;
    }

    /// <summary>Called with the new CA bundle when another CA is in the Secret (after a CA rotation).</summary>
    public Func<string, CancellationToken, Task>? CaBundleChanged { get; set; }

    /// <summary>The certificate to present.</summary>
    public X509Certificate2 Current => _current.Serving;

    /// <summary>The Secret's <c>ca.crt</c>.</summary>
    public string CaBundlePem => _current.CaBundlePem;

    /// <summary>Reads or makes the Secret, then refreshes it in the background.</summary>
    /// <param name="store">The Secret.</param>
    /// <param name="interval">How often to read it again.</param>
    /// <param name="time">The clock of the refreshes.</param>
    /// <param name="logger">Logs refreshes.</param>
    /// <param name="cancellationToken">Cancels the first read.</param>
    /// <returns>The certificate, refreshing until disposed.</returns>
    public static async Task<SecretServingCertificate> StartAsync(CertificateSecretStore store, TimeSpan interval, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "RuntimeExtensionOptions.SecretRefreshInterval must be positive (default one minute).");
        }

        var first = await store.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var certificate = new SecretServingCertificate(store, first, interval, time, logger);
        certificate._refreshing = certificate.RefreshAsync(certificate._stopping.Token);
        return certificate;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _refreshing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stopping.Dispose();
        _current.Serving.Dispose();
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var next = await _store.EnsureAsync(cancellationToken).ConfigureAwait(false);
                var previous = _current;
                if (next.Serving.Thumbprint == previous.Serving.Thumbprint)
                {
                    next.Serving.Dispose();
                    continue;
                }

                _current = next; // the previous one may still be in a handshake: left to the GC, not disposed
                RuntimeExtensionLog.CertificateReloaded(_logger, _store.Reference, next.Serving.NotAfter);
                if (next.CaBundlePem != previous.CaBundlePem && CaBundleChanged is { } changed)
                {
                    await changed(next.CaBundlePem, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed refresh (API server away, a bad write by someone) must not take the server down: keep serving.
            catch (Exception e)
#pragma warning restore CA1031
            {
                RuntimeExtensionLog.CertificateSecretRefreshFailed(_logger, e, _store.Reference);
            }
        }
    }
}
