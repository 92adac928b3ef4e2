using CapiSdk.Models.Cluster.V1Beta2;

namespace ListClusters;

/// <summary>
/// In-process only (no controllers run there): seeds three Clusters, then, once the table is on screen, makes
/// the changes a cluster's controllers would, so the watch has something to show. Every step is one event.
/// </summary>
internal sealed class DemoActivity(ClusterClient clusters, string @namespace)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    /// <summary>The Clusters <see cref="SeedAsync"/> creates: the watch starts with one ADDED event for each.</summary>
    public int SeededCount => 3;

    /// <summary>The events the watch sees in all: the seeded Clusters, then one per step of <see cref="ChangeAsync"/>.</summary>
    public int ExpectedEvents => SeededCount + 5;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await CreateAsync("prod-eu", "quick-start", ("10.0.0.10", 6443), ClusterStatusPhase.Provisioned, cancellationToken);
        await CreateAsync("prod-us", "quick-start", ("10.0.1.10", 6443), ClusterStatusPhase.Provisioned, cancellationToken);
        await CreateAsync("staging", "dev-class", null, ClusterStatusPhase.Provisioning, cancellationToken);
    }

    public async Task ChangeAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Pause, cancellationToken);
        await CreateAsync("dev-alice", "dev-class", null, null, cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await SetPhaseAsync("dev-alice", ClusterStatusPhase.Provisioning, cancellationToken);
        await Task.Delay(Pause, cancellationToken);

        // A typed merge patch: only what is set here is sent.
        var endpoint = new Cluster { Spec = new ClusterSpec { ControlPlaneEndpoint = new() { Host = "10.0.2.10", Port = 6443 } } };
        await clusters.PatchAsync(@namespace, "staging", endpoint, cancellationToken: cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await SetPhaseAsync("staging", ClusterStatusPhase.Provisioned, cancellationToken);
        await Task.Delay(Pause, cancellationToken);
        await clusters.DeleteAsync(@namespace, "prod-us", cancellationToken: cancellationToken);
    }

    private async Task CreateAsync(string name, string clusterClass, (string Host, int Port)? endpoint, ClusterStatusPhase? phase, CancellationToken cancellationToken)
    {
        var cluster = new Cluster
        {
            Metadata = new() { Name = name, NamespaceProperty = @namespace },
            Spec = new ClusterSpec
            {
                Topology = new ClusterTopology { ClassRef = new ClusterTopologyClassRef { Name = clusterClass }, Version = "v1.31.0" },
                ControlPlaneEndpoint = endpoint is { } e ? new ClusterControlPlaneEndpoint { Host = e.Host, Port = e.Port } : null,
            },
        };
        var created = await clusters.CreateAsync(cluster, cancellationToken: cancellationToken);
        if (phase is not null)
        {
            // Status is a subresource: create ignores it, so it is written on its own, as a controller would.
            created.Status = new ClusterStatus { Phase = phase };
            await clusters.ReplaceStatusAsync(created, cancellationToken: cancellationToken);
        }
    }

    private async Task SetPhaseAsync(string name, ClusterStatusPhase phase, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetAsync(@namespace, name, cancellationToken);
        cluster.Status ??= new ClusterStatus();
        cluster.Status.Phase = phase;
        await clusters.ReplaceStatusAsync(cluster, cancellationToken: cancellationToken);
    }
}
