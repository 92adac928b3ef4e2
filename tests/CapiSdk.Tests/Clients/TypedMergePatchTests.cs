using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Testing;
using CapiSdk.Tests.Infrastructure;
using CapiSdk.Topology;
using k8s;

namespace CapiSdk.Tests.Clients;

/// <summary>
/// A JSON merge patch replaces a list whole (custom resources have no strategic merge): a typed merge patch that
/// holds a list is refused, naming the list, unless the caller asks for the replacement; server-side apply merges
/// list-map items by key instead.
/// </summary>
public sealed class TypedMergePatchTests : IAsyncLifetime
{
    private KubeApiServer _server = null!;
    private IKubernetes _kubernetes = null!;
    private ClusterClient _clusters = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        _kubernetes = _server.CreateClient();
        _clusters = new ClusterClient(_kubernetes);
    }

    public async Task DisposeAsync()
    {
        _kubernetes.Dispose();
        await _server.DisposeAsync();
    }

    private async Task CreateAsync(string name)
    {
        var cluster = new Cluster
        {
            Metadata = new() { Name = name, NamespaceProperty = "default" },
            Spec = new()
            {
                ClusterNetwork = new() { Pods = new() { CidrBlocks = ["10.0.0.0/16", "10.1.0.0/16"] } },
                Topology = new() { ClassRef = new() { Name = "quick-start" }, Version = "v1.31.0" },
            },
        };
        cluster.SetVariable("region", "eu-west");
        cluster.SetVariable("flavor", "large");
        await _clusters.CreateAsync(cluster);
    }

    private static Cluster OneVariable(string name, string value) => new()
    {
        Spec = new() { Topology = new() { Variables = [new() { Name = name, Value = JsonValue.Create(value) }] } },
    };

    [Fact]
    public async Task A_typed_merge_patch_that_sets_one_topology_variable_is_refused_naming_the_list_and_nothing_is_sent()
    {
        await CreateAsync("vars");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _clusters.PatchAsync("default", "vars", OneVariable("clusterVip", "10.0.0.5")));

        Assert.Contains("spec.topology.variables", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApplyAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReplaceLists", error.Message, StringComparison.Ordinal);
        var unchanged = await _clusters.GetAsync("default", "vars");
        Assert.Equal(["region", "flavor"], unchanged.Spec.Topology!.Variables!.Select(v => v.Name));
    }

    [Fact]
    public async Task Server_side_apply_of_one_topology_variable_keeps_the_others()
    {
        await CreateAsync("applied");
        var apply = OneVariable("clusterVip", "10.0.0.5");
        apply.Metadata = new() { Name = "applied", NamespaceProperty = "default" };

        var applied = await _clusters.ApplyAsync(apply, "vip-allocator");

        Assert.Equal(["region", "flavor", "clusterVip"], applied.Spec.Topology!.Variables!.Select(v => v.Name));
        Assert.Equal("10.0.0.5", applied.GetVariableString("clusterVip"));
        Assert.Equal("eu-west", applied.GetVariableString("region"));
    }

    [Fact]
    public async Task An_atomic_list_in_a_typed_merge_patch_is_refused_and_with_ReplaceLists_replaced_whole()
    {
        await CreateAsync("cidrs");
        var patch = new Cluster { Spec = new() { ClusterNetwork = new() { Pods = new() { CidrBlocks = ["192.168.0.0/16"] } } } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _clusters.PatchAsync("default", "cidrs", patch));
        var replaced = await _clusters.PatchAsync("default", "cidrs", patch, options: new WriteOptions { ReplaceLists = true });

        Assert.Contains("spec.clusterNetwork.pods.cidrBlocks", error.Message, StringComparison.Ordinal);
        Assert.Equal(["192.168.0.0/16"], replaced.Spec.ClusterNetwork!.Pods!.CidrBlocks);
        Assert.Equal(["region", "flavor"], replaced.Spec.Topology!.Variables!.Select(v => v.Name));
    }

    [Fact]
    public async Task A_typed_merge_patch_without_lists_is_sent_and_a_typed_JSON_patch_is_refused()
    {
        await CreateAsync("plain");
        var patch = new Cluster { Spec = new() { Paused = true } };

        var patched = await _clusters.PatchAsync("default", "plain", patch);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _clusters.PatchAsync("default", "plain", patch, PatchFormat.Json));

        Assert.True(patched.Spec.Paused);
        Assert.Equal(["10.0.0.0/16", "10.1.0.0/16"], patched.Spec.ClusterNetwork!.Pods!.CidrBlocks);
        Assert.Contains("list of operations", error.Message, StringComparison.Ordinal);
    }
}
