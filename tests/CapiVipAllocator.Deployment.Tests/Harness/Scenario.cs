using CapiSdk.Client;
using CapiVipAllocator.Deployment.Tests.Support;
using k8s;

namespace CapiVipAllocator.Deployment.Tests.Harness;

/// <summary>
/// What a management cluster asks of the controller, run against two leader-electing replicas: VIPs from a global
/// and a namespaced pool, a Cluster no pool serves (a Warning event), releases on delete, and a leader handover on
/// SIGTERM. Used to record the controller's requests (RBAC) and to drive the container run.
/// </summary>
internal static class Scenario
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>The arguments the Deployment gives the manager container (of the namespaced bundle when <paramref name="namespaced"/>).</summary>
    public static async Task<IReadOnlyList<string>> DeploymentArgsAsync(bool namespaced = false) =>
        [.. (namespaced ? await Support.Bundle.NamespacedAsync() : await Support.Bundle.MainAsync())
            .Single<k8s.Models.V1Deployment>("Deployment", Support.Bundle.Deployment).Spec.Template.Spec.Containers[0].Args];

    /// <summary>Runs the scenario; <paramref name="beforeHandover"/> sees the first leader after it allocated, released and reported a failure.</summary>
    public static async Task RunAsync(World world, Func<string, Task<IReplica>> start, Func<IReplica, Task>? beforeHandover = null)
    {
        await world.CreateClassAsync(TenantA);
        await world.CreateClassAsync(TenantB);
        await world.CreateGlobalPoolAsync("vips", "10.0.0.10-10.0.0.20");
        await world.CreatePoolAsync(TenantB, "tenant-b-vips", "10.1.0.10-10.1.0.20");

        await using var first = await start("replica-a");
        await Wait.UntilAsync("replica-a to lead", () => Endpoints.IsLeadingAsync(first));
        await using var second = await start("replica-b");
        await Wait.UntilAsync("replica-b to be ready (standing by)", () => Endpoints.IsReadyAsync(second));
        Assert.False(await Endpoints.IsLeadingAsync(second));

        await world.CreateClusterAsync(TenantA, "c1");
        await world.CreateClusterAsync(TenantB, "c2");
        Assert.StartsWith("10.0.0.", await world.WaitForVipAsync(TenantA, "c1"), StringComparison.Ordinal);
        Assert.StartsWith("10.1.0.", await world.WaitForVipAsync(TenantB, "c2"), StringComparison.Ordinal);

        // A claim left without an owner (e.g. restored from a backup) is adopted, and its address kept.
        await world.CreateClaimAsync(TenantA, "vip-cp-adopted", "vips");
        await world.CreateClusterAsync(TenantA, "adopted");
        await world.WaitForVipAsync(TenantA, "adopted");
        await Wait.UntilAsync("IPAddressClaim tenant-a/vip-cp-adopted to be adopted by its Cluster", async () =>
            (await world.Claims.GetAsync(TenantA, "vip-cp-adopted", TestContext.Token)).Metadata.OwnerReferences?.Any(o => o.Name == "adopted") == true);

        await WarnAsync(world, TenantA);

        await world.DeleteClusterAndWaitForReleaseAsync(TenantA, "c1");

        if (beforeHandover is not null)
        {
            await beforeHandover(first);
        }
        var (exitCode, inTime) = await first.StopAsync(Grace);
        Assert.True(inTime && exitCode == 0, $"replica-a did not stop cleanly on SIGTERM within {Grace.TotalSeconds} s (exit code {exitCode})\n{await first.LogsAsync()}");
        await Wait.UntilAsync("replica-b to take over", () => Endpoints.IsLeadingAsync(second));

        await world.CreateClusterAsync(TenantA, "c3");
        Assert.StartsWith("10.0.0.", await world.WaitForVipAsync(TenantA, "c3"), StringComparison.Ordinal);
        await world.DeleteClusterAndWaitForReleaseAsync(TenantB, "c2");
        await world.DeleteClusterAndWaitForReleaseAsync(TenantA, "c3");
        await world.DeleteClusterAndWaitForReleaseAsync(TenantA, "adopted");
        await second.StopAsync(Grace);
    }

    /// <summary>
    /// One replica watching <paramref name="watched"/> only (<c>--namespace</c>): VIPs from a pool in that namespace and,
    /// named by the pool annotation, a global one; adoption of an unowned claim; a Warning event and its repeat; a
    /// release on delete. A Cluster in <paramref name="other"/> gets nothing.
    /// </summary>
    public static async Task RunInNamespaceAsync(World world, string watched, string other, Func<string, Task<IReplica>> start)
    {
        await world.CreateClassAsync(watched);
        await world.CreateClassAsync(other);
        await world.CreateGlobalPoolAsync("vips", "10.0.0.10-10.0.0.20");
        await world.CreatePoolAsync(watched, "local-vips", "10.1.0.10-10.1.0.20");
        var globalPool = new Dictionary<string, string> { ["vip.capi.gorizond.io/pool"] = "vips" };

        await using var replica = await start("replica-a");
        await Wait.UntilAsync("replica-a to lead", () => Endpoints.IsLeadingAsync(replica));
        await world.CreateClusterAsync(other, "elsewhere");
        await world.CreateClusterAsync(watched, "c1");
        await world.CreateClusterAsync(watched, "c2", annotations: globalPool);
        Assert.StartsWith("10.1.0.", await world.WaitForVipAsync(watched, "c1"), StringComparison.Ordinal);
        Assert.StartsWith("10.0.0.", await world.WaitForVipAsync(watched, "c2"), StringComparison.Ordinal);

        await world.CreateClaimAsync(watched, "vip-cp-adopted", "vips");
        await world.CreateClusterAsync(watched, "adopted", annotations: globalPool);
        await world.WaitForVipAsync(watched, "adopted");
        await Wait.UntilAsync($"IPAddressClaim {watched}/vip-cp-adopted to be adopted by its Cluster", async () =>
            (await world.Claims.GetAsync(watched, "vip-cp-adopted", TestContext.Token)).Metadata.OwnerReferences?.Any(o => o.Name == "adopted") == true);
        await WarnAsync(world, watched);
        await world.DeleteClusterAndWaitForReleaseAsync(watched, "c1");

        var (exitCode, inTime) = await replica.StopAsync(Grace);
        Assert.True(inTime && exitCode == 0, $"replica-a did not stop cleanly on SIGTERM within {Grace.TotalSeconds} s (exit code {exitCode})\n{await replica.LogsAsync()}");
        Assert.Empty((await world.Claims.ListAsync(other, cancellationToken: TestContext.Token)).Items);
    }

    // No pool serves this class: a Warning event, repeated (aggregated) when the Cluster's spec changes.
    private static async Task WarnAsync(World world, string ns)
    {
        await world.CreateClassAsync(ns, "no-pool-serves-this");
        await world.CreateClusterAsync(ns, "unserved", className: "no-pool-serves-this");
        await Wait.UntilAsync($"a Warning event on Cluster {ns}/unserved", async () => await WarningCountAsync(world, ns, "unserved") >= 1);
        await world.Clusters.PatchAsync(ns, "unserved", PatchFormat.Merge, """{"spec":{"topology":{"version":"v1.31.1"}}}""", cancellationToken: TestContext.Token);
        await Wait.UntilAsync($"the Warning event on Cluster {ns}/unserved to repeat", async () => await WarningCountAsync(world, ns, "unserved") >= 2);
    }

    private static async Task<int> WarningCountAsync(World world, string ns, string cluster) =>
        (await world.Client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: TestContext.Token)).Items
            .Where(e => e.InvolvedObject.Name == cluster && e.Type == "Warning").Sum(e => e.Count ?? 1);
}
