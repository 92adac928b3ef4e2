namespace CapiSdk.Runtime.Controllers;

/// <summary>
/// Decides when this process may run controllers. The <see cref="ControllerManager"/> waits on it before
/// starting controllers and stops them at once when the token it hands back is cancelled; then it waits on
/// the gate again. Informers keep running (and their caches warm) either way.
/// </summary>
public interface ILeadershipGate
{
    /// <summary>Waits until this process leads.</summary>
    /// <param name="cancellationToken">Stops waiting (process shutdown).</param>
    /// <returns>A token cancelled when leadership is lost (<see cref="CancellationToken.None"/> if it never is).</returns>
    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);
}
