using Acme.Gadgets.Demo.V1;
using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Runtime.Controllers;
using CapiSdk.Runtime.Informers;
using CapiSdk.Runtime.Queue;
using CapiSdk.Runtime.Tests.Support;
using CapiSdk.Testing;
using k8s;
using TestTimeout = CapiSdk.Runtime.Tests.Support2.TestTimeout;

namespace CapiSdk.Runtime.Tests.Controllers;

/// <summary>
/// A controller on CapiSdk.Runtime for a kind generated in this project from its own CRD (crds/gadgets.yaml),
/// watching CapiSdk's Cluster next to it: both typed clients are CapiSdk.Client's, so the runtime drives both.
/// </summary>
public sealed class OwnCrdControllerTests : IAsyncLifetime
{
    private const string ClusterIndex = "cluster";
    private readonly CancellationTokenSource _stop = new();
    private KubeApiServer _server = null!;
    private IKubernetes _kubernetes = null!;
    private GadgetClient _gadgets = null!;
    private ClusterClient _clusters = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(o => o.CrdFiles.Add(Path.Combine(AppContext.BaseDirectory, "crds", "gadgets.yaml")));
        _kubernetes = _server.CreateClient();
        _gadgets = new GadgetClient(_kubernetes);
        _clusters = new ClusterClient(_kubernetes);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TestTimeout.Limit);
        _stop.Dispose();
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_generated_kind_of_ones_own_CRD_is_reconciled_and_follows_the_Cluster_it_names()
    {
        var informers = new InformerFactory(new InformerOptions { Namespace = "default" });
        var gadgetInformer = informers.GetOrCreate(_gadgets);
        gadgetInformer.AddIndexer(ClusterIndex, g => [g.Metadata.NamespaceProperty + "/" + g.Spec?.ClusterName]);
        var controller = new ControllerBuilder<Gadget>(informers, _gadgets)
            .Watches(_clusters, c => gadgetInformer.ByIndex(ClusterIndex, c.Metadata.NamespaceProperty + "/" + c.Metadata.Name)
                .Select(g => new ReconcileRequest(g.Metadata.NamespaceProperty, g.Metadata.Name)))
            .Build(new GadgetReconciler(_gadgets, _clusters));
        _running = new ControllerManager(informers, [controller]).RunAsync(_stop.Token);

        await _gadgets.CreateAsync(new Gadget { Metadata = new() { Name = "g1", NamespaceProperty = "default" }, Spec = new() { ClusterName = "prod", Port = 8080 } });
        var waiting = await ConditionAsync("g1", c => c?.Reason == "ClusterMissing");
        await _clusters.CreateAsync(Objects.Cluster("prod"));
        var found = await ConditionAsync("g1", c => c?.Reason == "ClusterExists");

        Assert.Equal("False", waiting.Status);
        Assert.Equal("True", found.Status);
        Assert.Equal("Cluster prod runs v1.31.0.", found.Message);
        var gadget = await _gadgets.GetAsync("default", "g1");
        Assert.True(gadget.IsConditionTrue("ClusterFound"));
        Assert.Equal(gadget.Metadata.Generation, found.ObservedGeneration);
        Assert.Equal(8080, gadget.Spec!.Port!.Value.IntValue);
    }

    private async Task<IKubernetesCondition> ConditionAsync(string name, Func<IKubernetesCondition?, bool> done)
    {
        var deadline = DateTime.UtcNow + TestTimeout.Limit;
        while (true)
        {
            var condition = (await _gadgets.GetAsync("default", name)).GetCondition("ClusterFound");
            if (done(condition))
            {
                return condition!;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the ClusterFound condition of " + name + "; last: " + condition?.Reason);
            await Task.Delay(20);
        }
    }

    /// <summary>Sets ClusterFound on a gadget from whether the Cluster it names exists.</summary>
    private sealed class GadgetReconciler(GadgetClient gadgets, ClusterClient clusters) : IReconciler<Gadget>
    {
        public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            Gadget gadget;
            try
            {
                gadget = await gadgets.GetAsync(request.Namespace!, request.Name, cancellationToken);
            }
            catch (KubernetesNotFoundException)
            {
                return ReconcileResult.Done;
            }

            var clusterName = gadget.Spec?.ClusterName ?? string.Empty;
            Cluster? cluster = null;
            try
            {
                cluster = await clusters.GetAsync(request.Namespace!, clusterName, cancellationToken);
            }
            catch (KubernetesNotFoundException)
            {
            }

            var changed = cluster is null
                ? gadget.SetCondition("ClusterFound", ConditionStatus.False, "ClusterMissing", "Cluster " + clusterName + " does not exist.")
                : gadget.SetCondition("ClusterFound", ConditionStatus.True, "ClusterExists", "Cluster " + clusterName + " runs " + cluster.Spec?.Topology?.Version + ".");
            if (changed)
            {
                await gadgets.ReplaceStatusAsync(gadget, cancellationToken: cancellationToken);
            }

            return ReconcileResult.Done;
        }
    }
}
