using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Kubectl;

/// <summary>The kubectl commands people run every day beyond create/get/apply/patch/delete.</summary>
public sealed class KubectlEverydayTests
{
    private const string W1 = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w1
        spec:
          color: red
        """;

    [KubectlFact]
    public async Task Patch_of_the_status_subresource_sets_status()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var patch = await kubectl.RunAsync("""patch wd w1 --subresource=status --type merge -p '{"status":{"phase":"Ready"}}'""");
        var get = await kubectl.RunAsync("get wd w1 -o jsonpath={.status.phase}");

        Assert.Equal("widget.example.com/w1 patched", patch.Out.Trim());
        Assert.Equal("Ready", get.Out.Trim());
    }

    [KubectlFact]
    public async Task Wait_for_a_jsonpath_returns_once_the_status_matches()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);
        await kubectl.RunAsync("""patch wd w1 --subresource=status --type merge -p '{"status":{"phase":"Ready"}}'""");

        var wait = await kubectl.RunAsync("wait --for=jsonpath={.status.phase}=Ready wd/w1 --timeout=60s");

        Assert.True(wait.ExitCode == 0, wait.Err);
        Assert.Equal("widget.example.com/w1 condition met", wait.Out.Trim());
    }

    [KubectlFact]
    public async Task Replace_from_file_overwrites_the_object()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var replace = await kubectl.RunAsync("replace -f -", W1.Replace("color: red", "color: green", StringComparison.Ordinal));
        var get = await kubectl.RunAsync("get wd w1 -o jsonpath={.spec.color}/{.metadata.generation}");

        Assert.Equal("widget.example.com/w1 replaced", replace.Out.Trim());
        Assert.Equal("green/2", get.Out.Trim());
    }

    [KubectlFact]
    public async Task Label_and_selector_queries_work_across_namespaces()
    {
        await using var server = await TestServer.StartAsync(o => o.Namespaces.Add("team-a"));
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);
        await kubectl.RunAsync("create -n team-a -f -", W1);

        var label = await kubectl.RunAsync("label wd w1 -n team-a tier=gold");
        var all = await kubectl.RunAsync("get wd -A -l tier=gold -o jsonpath={.items[*].metadata.namespace}");

        Assert.Equal("widget.example.com/w1 labeled", label.Out.Trim());
        Assert.Equal("team-a", all.Out.Trim());
    }

    [KubectlFact]
    public async Task Describe_shows_the_object_and_its_events()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var (code, output, err) = await kubectl.RunAsync("describe wd w1");

        Assert.True(code == 0, err);
        Assert.Matches(@"Color:\s+red", output);
        Assert.Contains("Events:", output);
    }
}
