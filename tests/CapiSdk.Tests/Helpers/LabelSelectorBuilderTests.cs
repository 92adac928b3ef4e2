using CapiSdk.Client;
using CapiSdk.Models.Cluster.V1Beta2;
using CapiSdk.Tests.Infrastructure;

namespace CapiSdk.Tests.Helpers;

/// <summary>Label selectors built in code select what the API server selects.</summary>
public sealed class LabelSelectorBuilderTests
{
    [Fact]
    public void Every_operator_is_written_in_the_servers_syntax()
    {
        var selector = new LabelSelectorBuilder()
            .Equal("app", "web").NotEqual("tier", "db").In("env", "prod", "staging").NotIn("zone", "a").Exists("cluster.x-k8s.io/cluster-name").DoesNotExist("paused")
            .ToString();

        Assert.Equal("app=web,tier!=db,env in (prod,staging),zone notin (a),cluster.x-k8s.io/cluster-name,!paused", selector);
    }

    [Theory]
    [InlineData("", "v")]
    [InlineData("-bad", "v")]
    [InlineData("Example.com/x", "v")]
    [InlineData("ok", "has space")]
    [InlineData("ok", "this-value-is-far-too-long-for-a-label-value-because-it-has-more-than-63-chars")]
    public void An_invalid_key_or_value_is_refused_before_reaching_the_server(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new LabelSelectorBuilder().Equal(key, value));

        Assert.Contains("'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_built_selector_lists_exactly_the_matching_objects()
    {
        await using var server = await ApiServer.StartAsync();
        using var kubernetes = server.CreateClient();
        var clusters = new ClusterClient(kubernetes);
        foreach (var (name, env) in new[] { ("a", "prod"), ("b", "staging"), ("c", "dev"), ("d", (string?)null) })
        {
            await clusters.CreateAsync(new Cluster
            {
                Metadata = new() { Name = name, NamespaceProperty = "default", Labels = env is null ? null : new Dictionary<string, string> { ["env"] = env } },
                Spec = new ClusterSpec { Paused = false },
            });
        }

        var selected = await clusters.ListAsync("default", new ListOptions { LabelSelector = new LabelSelectorBuilder().Exists("env").NotIn("env", "dev").ToString() });

        Assert.Equal(new[] { "a", "b" }, selected.Items.Select(c => c.Metadata.Name).Order());
    }
}
