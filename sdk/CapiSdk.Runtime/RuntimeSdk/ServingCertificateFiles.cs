using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// A PEM certificate and key on disk, read again when either file changes (cert-manager rotates the mounted
/// Secret in place), as controller-runtime's certificate watcher does. A rotation that cannot be read keeps the
/// previous certificate and is logged.
/// </summary>
internal sealed class ServingCertificateFiles : IDisposable
{
    private readonly string _certificatePath;
    private readonly string _keyPath;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private (DateTime Certificate, DateTime Key) _stamp;

    public ServingCertificateFiles(string certificatePath, string keyPath, ILogger logger)
    {
        _certificatePath = certificatePath;
        _keyPath = keyPath;
        _logger = logger;
        _current = ServingCertificateLoader.LoadPemPair(certificatePath, keyPath);
        _stamp = Stamp();
    }

    /// <summary>The certificate to present; reloaded first when a file changed since the last read.</summary>
    public X509Certificate2 Current
    {
        get
        {
            lock (_gate)
            {
                var stamp = Stamp();
                if (stamp != _stamp)
                {
                    try
                    {
                        var next = ServingCertificateLoader.LoadPemPair(_certificatePath, _keyPath);
                        _stamp = stamp; // only once read: a half-written rotation is tried again at the next handshake
                        _current = next; // the previous one may still be in a handshake: left to the GC, not disposed
                        RuntimeExtensionLog.CertificateReloaded(_logger, _certificatePath, next.NotAfter);
                    }
#pragma warning disable CA1031 // A half-written rotation must not take the server down: keep serving the previous certificate.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        RuntimeExtensionLog.CertificateReloadFailed(_logger, e, _certificatePath);
                    }
                }

                return _current;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Dispose();
        }
    }

    private (DateTime, DateTime) Stamp() => (File.GetLastWriteTimeUtc(_certificatePath), File.GetLastWriteTimeUtc(_keyPath));
}
