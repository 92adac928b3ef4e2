using CapiVipAllocator.Deployment.Tests.Harness;
using CapiVipAllocator.Deployment.Tests.Support;
using k8s.Models;
using Xunit.Abstractions;

namespace CapiVipAllocator.Deployment.Tests.Rbac;

/// <summary>The bundle's roles held against every request two controller replicas make while running the scenario.</summary>
public sealed class RbacTests(ITestOutputHelper output)
{
    /// <summary>Grants the scenario's requests cannot show, each with why the controller needs it.</summary>
    private static readonly Dictionary<string, string> NeededBeyondTheScenario = new(StringComparer.Ordinal)
    {
        ["get cluster.x-k8s.io/clusters"] = "VipReconciler re-reads a Cluster after a 409 Conflict on its server-side apply (no conflict happens here)",
        ["update cluster.x-k8s.io/clusters/finalizers"] =
            "not a request: the OwnerReferencesPermissionEnforcement admission plugin requires it to set blockOwnerDeletion on the claims' owner reference",
    };

    [SkippableFact]
    public async Task Roles_grant_exactly_the_calls_the_controller_makes()
    {
        var args = await Scenario.DeploymentArgsAsync();
        // A slow garbage collector, so the claims of deleted Clusters are released by the controller's own delete (which
        // it must be allowed to make) and not, depending on who is first, by the collector.
        await using var world = await World.StartAsync(TimeSpan.FromMinutes(10), Scenario.TenantA, Scenario.TenantB);
        await CheckAsync(await Support.Bundle.MainAsync(), world, () =>
            Scenario.RunAsync(world, token => Task.FromResult<IReplica>(ProcessReplica.Start(world, token, args))));
    }

    [SkippableFact]
    public async Task The_namespaced_bundle_grants_exactly_the_calls_the_controller_makes_with_namespace()
    {
        var args = await Scenario.DeploymentArgsAsync(namespaced: true);
        Assert.Contains("--namespace=" + Support.Bundle.WatchedNamespace, args);
        await using var world = await World.StartAsync(TimeSpan.FromMinutes(10), Support.Bundle.WatchedNamespace, Scenario.TenantB);
        var calls = await CheckAsync(await Support.Bundle.NamespacedAsync(), world, () =>
            Scenario.RunInNamespaceAsync(world, Support.Bundle.WatchedNamespace, Scenario.TenantB, token => Task.FromResult<IReplica>(ProcessReplica.Start(world, token, args))));
        Assert.DoesNotContain(calls, c => c.Namespace == Scenario.TenantB);
        Assert.All(calls.Where(c => c.Namespace is null), c => Assert.Contains(c.Resource, new[] { "globalinclusterippools", "customresourcedefinitions" }));
    }

    /// <summary>
    /// Runs the scenario while recording the replicas' requests (told apart by the bearer token in their kubeconfig):
    /// every request must be granted by the bundle's roles, and every grant used (but <see cref="NeededBeyondTheScenario"/>).
    /// </summary>
    private async Task<IReadOnlyList<Call>> CheckAsync(Support.Manifest manifest, World world, Func<Task> scenario)
    {
        var grants = manifest.All<V1ClusterRole>("ClusterRole").SelectMany(Grant.From)
            .Concat(manifest.All<V1Role>("Role").SelectMany(Grant.From)).ToList();
        using var recording = world.Server.Counters.StartRecording();
        using var changes = world.Server.Changes.Subscribe();

        await scenario();

        var calls = recording.Requests.Where(r => r.BearerToken?.StartsWith("replica-", StringComparison.Ordinal) == true)
            .Select(Call.From).Distinct().OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList();
        output.WriteLine("The controller's calls:\n" + string.Join('\n', calls));
        var missing = calls.Where(c => !grants.Any(g => g.Allows(c))).ToList();
        var unused = grants.Where(g => !calls.Any(c => g.Allows(c) || g.Allows(Partner(c))) && !NeededBeyondTheScenario.ContainsKey(Key(g))).ToList();
        Assert.True(missing.Count == 0, "The roles lack what the controller calls (add to the bundle's rbac):\n" + string.Join('\n', missing));
        Assert.True(unused.Count == 0, "The roles grant what the controller never calls (remove from the bundle's rbac):\n" + string.Join('\n', unused));
        Assert.All(NeededBeyondTheScenario.Keys, key => Assert.Contains(grants, g => Key(g) == key));
        var claimWithBlockingOwner = await changes.WaitForAsync(c => c.Resource.StartsWith("ipaddressclaims.", StringComparison.Ordinal) && BlocksOwnerDeletion(c.Object), TestContext.Token);
        Assert.NotNull(claimWithBlockingOwner);
        return calls;
    }

    private static string Key(Grant g) => $"{g.Verb} {g.Group}/{g.Resource}";

    private static bool BlocksOwnerDeletion(System.Text.Json.JsonElement claim) =>
        claim.GetProperty("metadata").TryGetProperty("ownerReferences", out var owners) &&
        owners.EnumerateArray().Any(o => o.TryGetProperty("blockOwnerDeletion", out var b) && b.GetBoolean());

    /// <summary>Informers list and then watch: a grant of one of the pair is used when the other is called.</summary>
    private static Call Partner(Call call) => call.Verb switch
    {
        "list" => call with { Verb = "watch" },
        "watch" => call with { Verb = "list" },
        _ => call,
    };
}
