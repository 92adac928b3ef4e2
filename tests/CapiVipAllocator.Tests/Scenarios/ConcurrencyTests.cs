using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Testing.Faults;
using CapiSdk.Topology;
using CapiVipAllocator.Cli;
using CapiVipAllocator.Tests.Support;
using k8s;

namespace CapiVipAllocator.Tests.Scenarios;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task A_concurrent_writer_of_other_variables_loses_nothing()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.250"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        var names = Enumerable.Range(0, 20).Select(i => "busy-" + i).ToList();

        // Another controller (its own field manager) keeps adding variables while the VIPs are written.
        var writer = Task.Run(async () =>
        {
            foreach (var name in names)
            {
                await s.CreateClusterAsync(name);
                for (var round = 0; round < 3; round++)
                {
                    await s.Clusters.ApplyAsync(new Cluster
                    {
                        Metadata = new() { Name = name, NamespaceProperty = "default" },
                        Spec = new() { Topology = new() { ClassRef = new() { Name = "quick-start" }, Version = "v1.31.0", Variables = [new() { Name = "cni", Value = "calico" }, new() { Name = "extra-" + round, Value = round.ToString() }] } },
                    }.WithVariables(round), "other-writer");
                }
            }
        });
        await writer;

        foreach (var name in names)
        {
            var cluster = await s.WaitForConditionAsync(name, "VipAllocated");
            Assert.Equal(cluster.Spec.ControlPlaneEndpoint!.Host, cluster.GetVariableString("clusterVip"));
            Assert.Equal("calico", cluster.GetVariableString("cni"));
            Assert.Equal("0", cluster.GetVariableString("extra-0"));
            Assert.Equal("1", cluster.GetVariableString("extra-1"));
            Assert.Equal("2", cluster.GetVariableString("extra-2"));
        }
    }

    [Fact]
    public async Task A_gitops_apply_that_does_not_mention_our_fields_leaves_them_and_a_cleared_endpoint_is_written_back()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.20"]);
        await s.CreateClassAsync();
        await s.StartControllerAsync();
        var manifest = new Cluster
        {
            Metadata = new() { Name = "synced", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["team"] = "a" } },
            Spec = new() { Topology = new() { ClassRef = new() { Name = "quick-start" }, Version = "v1.31.0", Variables = [new() { Name = "cni", Value = "calico" }] } },
        };
        await s.Clusters.ApplyAsync(manifest, "argocd-controller");
        var ip = await s.WaitForVipAsync("synced");

        manifest.Metadata.Labels["team"] = "b";
        var reapplied = await s.Clusters.ApplyAsync(manifest, "argocd-controller");

        Assert.Equal(ip, reapplied.Spec.ControlPlaneEndpoint!.Host);
        Assert.Equal(ip, reapplied.GetVariableString("clusterVip"));
        Assert.Equal(ip, reapplied.Metadata.Annotations!["vip.capi.gorizond.io/control-plane-vip"]);

        // A sync that clears the variable (an old manifest with clusterVip: "") gets the same IP back.
        manifest.SetVariable("clusterVip", "");
        await s.Clusters.ApplyAsync(manifest, "argocd-controller", force: true);
        await s.WaitForClusterAsync("synced", c => c.GetVariableString("clusterVip") == ip && c.Spec.ControlPlaneEndpoint?.Host == ip);
    }

    [Fact]
    public async Task Two_replicas_elect_one_leader_and_fail_over_without_a_double_allocation()
    {
        await using var s = await Scenario.StartAsync();
        await s.CreateGlobalPoolAsync("cp-pool", ["10.0.0.10-10.0.0.250"]);
        await s.CreateClassAsync();
        var options = new AllocatorOptions
        {
            LeaderElect = true,
            LeaderElectionNamespace = "default",
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        var a = await s.StartControllerAsync(options, waitUntilLeading: false);
        var b = await s.StartControllerAsync(options, waitUntilLeading: false);
        await a.WaitUntilAsync(() => a.Host.IsLeading || b.Host.IsLeading);
        var (leader, standby) = a.Host.IsLeading ? (a, b) : (b, a);
        Assert.False(standby.Host.IsLeading);
        for (var i = 0; i < 5; i++)
        {
            await s.CreateClusterAsync("ha-" + i);
        }

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => s.WaitForVipAsync("ha-" + i)));
        await leader.StopAsync();
        await standby.WaitUntilAsync(() => standby.Host.IsLeading);
        for (var i = 5; i < 10; i++)
        {
            await s.CreateClusterAsync("ha-" + i);
        }

        var ips = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => s.WaitForVipAsync("ha-" + i)));
        Assert.Equal(10, ips.Distinct().Count());
        Assert.Equal(10, (await s.Claims.ListAsync("default")).Items.Count);
        var lease = await s.Client.CoordinationV1.ReadNamespacedLeaseAsync("capi-vip-allocator", "default");
        Assert.Equal(standby.Host.Identity, lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Faults_and_restarts_over_200_clusters_converge_with_unique_addresses_and_no_leftover_claims()
    {
        await using var s = await Scenario.StartAsync(configure: o => o.FaultSeed = 42);
        await s.CreateGlobalPoolAsync("cp-pool", ["10.1.0.0/24"]);
        await s.CreateClassAsync();
        var controller = await s.StartControllerAsync(new AllocatorOptions { MaxConcurrentReconciles = 4 });
        using (s.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Rate = 0.04, Resources = ["clusters", "ipaddressclaims", "ipaddresses"] }))
        using (s.Server.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Rate = 0.03, RetryAfter = TimeSpan.FromMilliseconds(50), Resources = ["clusters", "ipaddressclaims"] }))
        using (s.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Rate = 0.02, Verbs = ["get", "patch", "create", "delete"] }))
        using (s.Server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, Rate = 0.01, CutWatchAfterEvents = 7 }))
        {
            var names = Enumerable.Range(0, 200).Select(i => "f-" + i).ToList();
            for (var i = 0; i < names.Count; i++)
            {
                await Retry(() => s.CreateClusterAsync(names[i]));
                if (i is 60 or 140)
                {
                    await controller.StopAsync();
                    controller = await s.StartControllerAsync(new AllocatorOptions { MaxConcurrentReconciles = 4 });
                }
            }

            var ips = new List<string>();
            foreach (var name in names)
            {
                ips.Add(await s.WaitForVipAsync(name));
            }

            var duplicates = ips.Select((ip, i) => (ip, name: names[i])).GroupBy(x => x.ip).Where(g => g.Count() > 1).ToList();
            var details = new List<string>();
            foreach (var group in duplicates)
            {
                foreach (var (ip, name) in group)
                {
                    var claim = await Retry(() => s.Claims.GetAsync("default", "vip-cp-" + name));
                    var address = claim?.Status?.AddressRef?.Name is { } a ? await Retry(() => s.Addresses.GetAsync("default", a)) : null;
                    details.Add($"{name} host={ip} claim={claim?.Metadata.Uid} address={address?.Metadata.Name}:{address?.Spec.Address}");
                }
            }

            Assert.True(duplicates.Count == 0, string.Join("\n", details));
            foreach (var name in names.Take(100))
            {
                await Retry(() => s.Clusters.DeleteAsync("default", name));
            }

            await controller.StopAsync();
            controller = await s.StartControllerAsync(new AllocatorOptions { MaxConcurrentReconciles = 4 });
        }

        await Wait.UntilAsync(s.Server, async () => (await s.Claims.ListAsync("default")).Items.Count == 100, "claims of deleted Clusters released");
        var claims = (await s.Claims.ListAsync("default")).Items;
        Assert.All(claims, c => Assert.True(int.Parse(c.Metadata.Name["vip-cp-f-".Length..], System.Globalization.CultureInfo.InvariantCulture) >= 100));
    }

    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < 20 && e is KubernetesApiException or HttpRequestException or IOException)
            {
                if (e is KubernetesAlreadyExistsException or KubernetesNotFoundException)
                {
                    return default!;
                }
            }
        }
    }
}
