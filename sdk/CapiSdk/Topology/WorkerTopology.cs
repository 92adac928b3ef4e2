namespace CapiSdk.Topology;

/// <summary>
/// One worker pool of a Cluster's topology (<c>spec.topology.workers.machineDeployments[]</c> or
/// <c>.machinePools[]</c>), as <see cref="WorkerTopologies"/> reads it: the same in both API versions.
/// </summary>
/// <param name="Name">The pool name, unique within the topology.</param>
/// <param name="Class">The worker class of the ClusterClass it is built from.</param>
/// <param name="Replicas">The number of machines, or null to let the cluster (or an autoscaler) decide.</param>
public sealed record WorkerTopology(string Name, string Class, int? Replicas);
