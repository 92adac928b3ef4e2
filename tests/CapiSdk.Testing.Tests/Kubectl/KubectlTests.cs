using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Kubectl;

public sealed class KubectlTests
{
    private const string W1 = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w1
        spec:
          color: red
          replicas: 2
        """;

    [KubectlFact]
    public async Task Api_resources_lists_crd_and_builtin_resources()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (code, output, err) = await kubectl.RunAsync("api-resources --no-headers");

        Assert.True(code == 0, err);
        var widgets = output.Split('\n').Single(l => l.StartsWith("widgets ", StringComparison.Ordinal));
        Assert.Matches(@"^widgets\s+wd\s+example.com/v1\s+true\s+Widget$", widgets.Trim());
        Assert.Contains(output.Split('\n'), l => l.StartsWith("leases ", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("namespaces ", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task Create_from_file_then_get_as_json_returns_the_defaulted_object()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var create = await kubectl.RunAsync("create -f -", W1);
        var get = await kubectl.RunAsync("get widget w1 -o json");

        Assert.Equal("widget.example.com/w1 created", create.Out.Trim());
        var obj = JsonNode.Parse(get.Out)!;
        Assert.Equal("medium", (string?)obj["spec"]!["size"]);
        Assert.Equal("default", (string?)obj["metadata"]!["namespace"]);
    }

    [KubectlFact]
    public async Task Create_of_existing_object_fails_with_AlreadyExists()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var (code, _, err) = await kubectl.RunAsync("create -f -", W1);

        Assert.Equal(1, code);
        Assert.Contains("Error from server (AlreadyExists)", err);
        Assert.Contains("widgets.example.com \"w1\" already exists", err);
    }

    [KubectlFact]
    public async Task Get_of_missing_object_fails_with_NotFound()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (code, _, err) = await kubectl.RunAsync("get wd nope");

        Assert.Equal(1, code);
        Assert.Equal("Error from server (NotFound): widgets.example.com \"nope\" not found", err.Trim());
    }

    [KubectlFact]
    public async Task Create_of_invalid_object_fails_with_the_field_error()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (code, _, err) = await kubectl.RunAsync("create -f -", W1.Replace("replicas: 2", "replicas: 20", StringComparison.Ordinal));

        Assert.Equal(1, code);
        Assert.Contains("is invalid: spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10", err);
    }

    [KubectlFact]
    public async Task Client_side_apply_creates_then_configures_and_removes_dropped_fields()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var first = await kubectl.RunAsync("apply -f -", W1.Replace("  replicas: 2", "  replicas: 2\n  owner: a@example.com", StringComparison.Ordinal));
        var second = await kubectl.RunAsync("apply -f -", W1.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));
        var get = await kubectl.RunAsync("get wd w1 -o json");

        Assert.Equal("widget.example.com/w1 created", first.Out.Trim());
        Assert.Equal("widget.example.com/w1 configured", second.Out.Trim());
        var obj = JsonNode.Parse(get.Out)!;
        Assert.Equal(3, (int)obj["spec"]!["replicas"]!);
        Assert.Null(obj["spec"]!["owner"]);
        Assert.NotNull(obj["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [KubectlFact]
    public async Task Server_side_apply_conflicts_with_another_manager_unless_forced()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("apply --server-side --field-manager=alice -f -", W1);

        var conflict = await kubectl.RunAsync("apply --server-side --field-manager=bob -f -", W1.Replace("replicas: 2", "replicas: 5", StringComparison.Ordinal));
        var forced = await kubectl.RunAsync("apply --server-side --field-manager=bob --force-conflicts -f -", W1.Replace("replicas: 2", "replicas: 5", StringComparison.Ordinal));
        var get = await kubectl.RunAsync("get wd w1 -o jsonpath={.spec.replicas}");

        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"alice\": .spec.replicas", conflict.Err);
        Assert.Equal("widget.example.com/w1 serverside-applied", forced.Out.Trim());
        Assert.Equal("5", get.Out.Trim());
    }

    [KubectlFact]
    public async Task Patch_with_merge_and_json_types_changes_the_object()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var merge = await kubectl.RunAsync("""patch wd w1 --type merge -p '{"spec":{"replicas":4}}'""");
        var json = await kubectl.RunAsync("""patch wd w1 --type json -p '[{"op":"replace","path":"/spec/color","value":"blue"}]'""");
        var get = await kubectl.RunAsync("get wd w1 -o jsonpath={.spec.replicas}/{.spec.color}");

        Assert.Equal("widget.example.com/w1 patched", merge.Out.Trim());
        Assert.Equal("widget.example.com/w1 patched", json.Out.Trim());
        Assert.Equal("4/blue", get.Out.Trim());
    }

    [KubectlFact]
    public async Task Delete_removes_the_object()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var delete = await kubectl.RunAsync("delete wd w1");
        var get = await kubectl.RunAsync("get wd w1");

        Assert.Equal("widget.example.com \"w1\" deleted", delete.Out.Trim());
        Assert.Equal(1, get.ExitCode);
    }

    [KubectlFact]
    public async Task Get_watch_prints_the_current_object_and_then_its_changes()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        using var watch = kubectl.Start("""get wd w1 -w --output-watch-events -o 'jsonpath={.type}/{.object.spec.replicas}{"\n"}'""");
        var first = await watch.StandardOutput.ReadLineAsync(TestContext.Token);
        await kubectl.RunAsync("""patch wd w1 --type merge -p '{"spec":{"replicas":7}}'""");
        var second = await watch.StandardOutput.ReadLineAsync(TestContext.Token);
        watch.Kill();

        Assert.Equal("ADDED/2", first);
        Assert.Equal("MODIFIED/7", second);
    }

    [KubectlFact]
    public async Task Create_of_a_CRD_from_file_then_of_its_objects_works()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var kubectl = new Support.Kubectl(server);

        var crd = await kubectl.RunAsync($"create -f {TestServer.Fixture("gadgets.example.com.yaml")}");
        var gadget = await kubectl.RunAsync("create -f -", "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g1\nspec:\n  level: 2\n");
        var get = await kubectl.RunAsync("get gadgets -o jsonpath={.items[0].spec.level}");

        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/gadgets.example.com created", crd.Out.Trim());
        Assert.Equal("gadget.example.com/g1 created", gadget.Out.Trim());
        Assert.Equal("2", get.Out.Trim());
    }

    [KubectlFact]
    public async Task Get_prints_the_CRD_printer_columns_from_the_server_Table()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("create -f -", W1);

        var (_, output, _) = await kubectl.RunAsync("get widgets");

        var lines = output.Trim().Split('\n');
        Assert.Matches(@"^NAME\s+COLOR$", lines[0].Trim());
        Assert.Matches(@"^w1\s+red$", lines[1].Trim());
    }

    [KubectlFact]
    public async Task Create_with_an_unknown_field_fails_kubectl_strict_validation()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var (code, _, err) = await kubectl.RunAsync("create -f -", W1 + "\n  bogus: 1\n");

        Assert.Equal(1, code);
        Assert.Contains("Error from server (BadRequest): error when creating \"STDIN\": Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: unknown field \"spec.bogus\"", err);
    }

    [KubectlFact]
    public async Task Server_dry_run_create_reports_success_and_stores_nothing()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var create = await kubectl.RunAsync("create --dry-run=server -f -", W1);
        var get = await kubectl.RunAsync("get wd w1");

        Assert.Equal("widget.example.com/w1 created (server dry run)", create.Out.Trim());
        Assert.Equal(1, get.ExitCode);
    }

    [KubectlFact]
    public async Task Server_side_apply_after_client_side_apply_migrates_ownership_without_conflict()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);
        await kubectl.RunAsync("apply -f -", W1);

        var ssa = await kubectl.RunAsync("apply --server-side -f -", W1.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));
        var get = await kubectl.RunAsync("get wd w1 -o jsonpath={.spec.replicas}");

        Assert.True(ssa.ExitCode == 0, ssa.Err);
        Assert.Equal("3", get.Out.Trim());
    }

    [KubectlFact]
    public async Task Create_namespace_then_create_objects_in_it()
    {
        await using var server = await TestServer.StartAsync();
        using var kubectl = new Support.Kubectl(server);

        var ns = await kubectl.RunAsync("create namespace team-a");
        var widget = await kubectl.RunAsync("create -n team-a -f -", W1);
        var label = await kubectl.RunAsync("get ns team-a -o jsonpath={.metadata.labels.kubernetes\\.io/metadata\\.name}");

        Assert.Equal("namespace/team-a created", ns.Out.Trim());
        Assert.Equal("widget.example.com/w1 created", widget.Out.Trim());
        Assert.Equal("team-a", label.Out.Trim());
    }
}
