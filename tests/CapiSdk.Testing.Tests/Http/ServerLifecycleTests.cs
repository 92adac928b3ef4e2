using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Http;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task Many_servers_run_side_by_side_on_different_ports()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TestServer.StartAsync()));
        try
        {
            Assert.Equal(8, servers.Select(s => s.BaseAddress.Port).Distinct().Count());
            foreach (var s in servers)
            {
                using var client = s.CreateClient();
                Assert.Empty(Widgets.Names(await client.ListWidgetsAsync()));
            }
        }
        finally
        {
            foreach (var s in servers)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_stopped_server_frees_its_port_for_the_next_one()
    {
        var first = await TestServer.StartAsync();
        var port = first.BaseAddress.Port;
        await first.DisposeAsync();

        await using var second = await TestServer.StartAsync(o => o.Port = port);
        using var client = second.CreateClient();

        Assert.Equal(port, second.BaseAddress.Port);
        Assert.Empty(Widgets.Names(await client.ListWidgetsAsync()));
    }

    [Fact]
    public async Task Stopping_ends_open_watches()
    {
        var server = await TestServer.StartAsync();
        using var http = server.Http();
        using var watch = await http.WatchAsync("/apis/example.com/v1/namespaces/default/widgets?watch=true&resourceVersion=" + server.ResourceVersion);

        await server.DisposeAsync();

        Assert.True(await watch.EndsAsync());
    }

    [Fact]
    public async Task Kubeconfig_is_written_and_removed_on_dispose()
    {
        var server = await TestServer.StartAsync();
        var path = server.KubeconfigPath;
        var text = await File.ReadAllTextAsync(path);

        await server.DisposeAsync();

        Assert.Contains($"server: http://127.0.0.1:{server.BaseAddress.Port}", text);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task KubernetesClient_can_be_built_from_the_kubeconfig_file()
    {
        await using var server = await TestServer.StartAsync();
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(server.KubeconfigPath);
        using var client = new Kubernetes(config);

        var list = await client.ListWidgetsAsync();

        Assert.Equal("default", config.Namespace);
        Assert.NotNull(list);
    }

    [Fact]
    public async Task Invalid_CRD_in_the_options_fails_start_naming_the_source()
    {
        var options = new KubeApiServerOptions();
        options.CrdYaml.Add("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: wrong\nspec:\n  group: example.com\n  names: {plural: things, kind: Thing}\n  scope: Namespaced\n  versions: [{name: v1, served: true, storage: true}]\n");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => KubeApiServer.StartAsync(options, TestContext.Token));

        Assert.StartsWith("CrdYaml[0]: ", e.Message);
        Assert.Contains("must be spec.names.plural+\".\"+spec.group", e.Message);
    }

    [Fact]
    public async Task Start_on_a_port_in_use_fails_with_IOException()
    {
        await using var first = await TestServer.StartAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => KubeApiServer.StartAsync(new KubeApiServerOptions { Port = first.BaseAddress.Port }, TestContext.Token));
    }
}
