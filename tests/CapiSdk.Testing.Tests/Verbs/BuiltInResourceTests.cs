using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Verbs;

public sealed class BuiltInResourceTests
{
    [Fact]
    public async Task Default_namespaces_exist_and_are_Active()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();

        var list = await client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Token);

        Assert.Equal(["default", "kube-node-lease", "kube-public", "kube-system"], list.Items.Select(n => n.Metadata.Name).Order().ToList());
        Assert.All(list.Items, n => Assert.Equal("Active", n.Status.Phase));
    }

    [Fact]
    public async Task Namespace_can_be_created_with_the_typed_client()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();

        var ns = await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a" } }, cancellationToken: TestContext.Token);

        Assert.Equal("team-a", ns.Metadata.Name);
        Assert.NotNull(ns.Metadata.Uid);
    }

    [Fact]
    public async Task Lease_lifecycle_works_as_leader_election_uses_it()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "controller-leader", NamespaceProperty = "kube-system" },
            Spec = new V1LeaseSpec { HolderIdentity = "pod-a", LeaseDurationSeconds = 15 },
        };

        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "kube-system", cancellationToken: TestContext.Token);
        created.Spec.HolderIdentity = "pod-b";
        var replaced = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "controller-leader", "kube-system", cancellationToken: TestContext.Token);
        created.Spec.HolderIdentity = "pod-c";
        var stale = await Widgets.FailsAsync(() => client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "controller-leader", "kube-system", cancellationToken: TestContext.Token));

        Assert.Equal("pod-b", replaced.Spec.HolderIdentity);
        Assert.Equal(409, stale.Code);
    }

    [Fact]
    public async Task Core_v1_events_can_be_created_and_listed()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        var ev = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "w1.17a", NamespaceProperty = "default" },
            InvolvedObject = new V1ObjectReference { Kind = "Widget", Name = "w1", NamespaceProperty = "default" },
            Reason = "Reconciled",
            Message = "all good",
            Type = "Normal",
        };

        await client.CoreV1.CreateNamespacedEventAsync(ev, "default", cancellationToken: TestContext.Token);
        var list = await client.CoreV1.ListNamespacedEventAsync("default", cancellationToken: TestContext.Token);

        Assert.Equal("Reconciled", list.Items.Single().Reason);
    }

    [Fact]
    public async Task Events_k8s_io_v1_events_can_be_created_and_read()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        var ev = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "w1.17b", NamespaceProperty = "default" },
            EventTime = DateTime.UtcNow,
            ReportingController = "example.com/widget-controller",
            ReportingInstance = "pod-a",
            Action = "Reconcile",
            Reason = "Reconciled",
            Type = "Normal",
        };

        await client.EventsV1.CreateNamespacedEventAsync(ev, "default", cancellationToken: TestContext.Token);
        var read = await client.EventsV1.ReadNamespacedEventAsync("w1.17b", "default", cancellationToken: TestContext.Token);

        Assert.Equal("Reconcile", read.Action);
    }

    [Fact]
    public async Task Deleting_a_lease_returns_a_Success_Status()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" } }, "default", cancellationToken: TestContext.Token);

        var status = await client.CoordinationV1.DeleteNamespacedLeaseAsync("l1", "default", cancellationToken: TestContext.Token);

        Assert.Equal("Success", status.Status);
    }
}
