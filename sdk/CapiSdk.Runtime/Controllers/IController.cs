namespace CapiSdk.Runtime.Controllers;

/// <summary>What a manager needs of any controller, whatever its kind.</summary>
public interface IController
{
    /// <summary>The controller's name, in logs and metrics.</summary>
    string Name { get; }

    /// <summary>
    /// Waits for its informers to sync, then reconciles with its workers until cancelled; then stops taking
    /// work and waits for the reconciles in progress (which see the token cancelled) to return. It can run
    /// again after it stopped (as when leadership comes back); each run starts by queuing every cached primary
    /// object that passes the create predicates.
    /// </summary>
    /// <param name="cancellationToken">Stops the controller.</param>
    /// <returns>A task that completes when stopped.</returns>
    Task RunAsync(CancellationToken cancellationToken);
}
