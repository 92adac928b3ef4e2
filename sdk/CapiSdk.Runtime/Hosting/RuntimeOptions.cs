using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.LeaderElection;

namespace CapiSdk.Runtime.Hosting;

/// <summary>
/// The runtime's settings, bound from the configuration section <c>CapiSdk:Runtime</c> (appsettings.json,
/// environment variables such as <c>CapiSdk__Runtime__Namespace</c>, or command-line flags such as
/// <c>--CapiSdk:Runtime:Namespace=default</c>).
/// </summary>
public sealed class RuntimeOptions
{
    /// <summary>The configuration section bound.</summary>
    public const string SectionName = "CapiSdk:Runtime";

    /// <summary>The namespace to watch for namespaced kinds; empty or null for all namespaces.</summary>
    public string? Namespace { get; set; }

    /// <summary>The default number of reconciles each controller runs at once.</summary>
    public int MaxConcurrentReconciles { get; set; } = 1;

    /// <summary>How often informers deliver every object again to controllers; null for never.</summary>
    public TimeSpan? ResyncPeriod { get; set; }

    /// <summary>The first retry delay of a failed key (doubles per failure).</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest retry delay of a failed key.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1000);

    /// <summary>Overall retries per second per controller.</summary>
    public double RetriesPerSecond { get; set; } = 10;

    /// <summary>Retries allowed at once before <see cref="RetriesPerSecond"/> applies.</summary>
    public int RetryBurst { get; set; } = 100;

    /// <summary>The kubeconfig file when not running in a cluster; null for <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context; null for the current one.</summary>
    public string? Context { get; set; }

    /// <summary>How long informers may take to sync before the host stops with an error naming them (controller-runtime's default: 2 minutes).</summary>
    public TimeSpan CacheSyncTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Leader election on a Lease (<c>CapiSdk:Runtime:LeaderElection:…</c>): controllers reconcile only while this
    /// instance leads. Off until <see cref="LeaderElectionOptions.LeaseName"/> is set.
    /// </summary>
    public LeaderElectionOptions LeaderElection { get; set; } = new();

    /// <summary>
    /// The <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> server (<c>CapiSdk:Runtime:Health:Host</c>, <c>…:Port</c>);
    /// a negative port turns it off.
    /// </summary>
    public HealthServerOptions Health { get; set; } = new();

    /// <summary>The component name written on Events (<c>source.component</c>, <c>reportingController</c>); default the application name.</summary>
    public string? EventComponent { get; set; }
}
