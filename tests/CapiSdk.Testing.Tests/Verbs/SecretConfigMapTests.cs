using System.Text;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;
using k8s;
using k8s.Models;

namespace CapiSdk.Testing.Tests.Verbs;

/// <summary>core/v1 Secrets, ConfigMaps and ServiceAccounts, with the rules the real server applies to their data.</summary>
public sealed class SecretConfigMapTests
{
    [Fact]
    public async Task A_kubeconfig_Secret_can_be_created_read_listed_and_watched_with_the_typed_client()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "c1-kubeconfig", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["cluster.x-k8s.io/cluster-name"] = "c1" } },
            Type = "cluster.x-k8s.io/secret",
            Data = new Dictionary<string, byte[]> { ["value"] = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Config\n") },
        };

        await client.CoreV1.CreateNamespacedSecretAsync(secret, "default", cancellationToken: TestContext.Token);
        var read = await client.CoreV1.ReadNamespacedSecretAsync("c1-kubeconfig", "default", cancellationToken: TestContext.Token);
        var list = await client.CoreV1.ListNamespacedSecretAsync("default", labelSelector: "cluster.x-k8s.io/cluster-name=c1", cancellationToken: TestContext.Token);
        using var http = server.Http();
        using var watch = await http.WatchAsync("/api/v1/namespaces/default/secrets?watch=true");
        var first = (await watch.NextAsync())!.Value;

        Assert.Equal("apiVersion: v1\nkind: Config\n", Encoding.UTF8.GetString(read.Data["value"]));
        Assert.Equal("cluster.x-k8s.io/secret", read.Type);
        Assert.Equal("c1-kubeconfig", list.Items.Single().Metadata.Name);
        Assert.Equal("ADDED", first.Type);
        Assert.Equal("Secret", (string?)first.Object["kind"]);
    }

    [Fact]
    public async Task StringData_is_merged_into_data_and_not_stored_and_type_defaults_to_Opaque()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = server.Http();

        var (code, created, _) = await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets",
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1"},"data":{"a":"b2xk","b":"a2VlcA=="},"stringData":{"a":"new"}}""");

        Assert.Equal(201, code);
        Assert.Equal("Opaque", (string?)created["type"]);
        Assert.Equal(Convert.ToBase64String("new"u8.ToArray()), (string?)created["data"]!["a"]);
        Assert.Equal("a2VlcA==", (string?)created["data"]!["b"]);
        Assert.Null(created["stringData"]);
    }

    [Fact]
    public async Task Secret_data_that_is_not_base64_is_400()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = server.Http();

        var (code, status, _) = await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets",
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1"},"data":{"a":"not base64!"}}""");

        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.StartsWith("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Secrets_type_is_immutable()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s1" } }, "default", cancellationToken: TestContext.Token);

        var status = await Widgets.FailsAsync(() => client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("""{"type":"kubernetes.io/tls"}""", V1Patch.PatchType.MergePatch), "s1", "default", cancellationToken: TestContext.Token));

        Assert.Equal(422, status.Code);
        Assert.Equal("Secret \"s1\" is invalid: type: Invalid value: \"kubernetes.io/tls\": field is immutable", status.Message);
    }

    [Theory]
    [InlineData("secrets", "Secret", """{"data":{"a":"Yg=="}}""", "data: Forbidden: field is immutable when `immutable` is set")]
    [InlineData("secrets", "Secret", """{"immutable":false}""", "immutable: Forbidden: field is immutable when `immutable` is set")]
    [InlineData("configmaps", "ConfigMap", """{"data":{"a":"c"}}""", "data: Forbidden: field is immutable when `immutable` is set")]
    public async Task Immutable_data_cannot_change(string plural, string kind, string patch, string expected)
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var http = server.Http();
        var data = kind == "Secret" ? "\"YQ==\"" : "\"b\"";
        await http.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/default/{plural}", $$$"""{"apiVersion":"v1","kind":"{{{kind}}}","metadata":{"name":"x1"},"immutable":true,"data":{"a":{{{data}}}}}""");

        var (code, status, _) = await http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/default/{plural}/x1", patch, "application/merge-patch+json");
        var (labelCode, _, _) = await http.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/default/{plural}/x1", """{"metadata":{"labels":{"team":"a"}}}""", "application/merge-patch+json");

        Assert.Equal(422, code);
        Assert.Equal("Invalid", (string?)status["reason"]);
        Assert.Equal($"{kind} \"x1\" is invalid: {expected}", (string?)status["message"]);
        Assert.Equal(200, labelCode);
    }

    [Fact]
    public async Task ConfigMap_keys_must_be_config_keys()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();

        var status = await Widgets.FailsAsync(() => client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c1" }, Data = new Dictionary<string, string> { ["bad key"] = "x" } }, "default", cancellationToken: TestContext.Token));

        Assert.Equal(422, status.Code);
        Assert.StartsWith("ConfigMap \"c1\" is invalid: data: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceAccounts_and_ConfigMaps_are_served_with_their_short_names()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var client = server.CreateClient();
        using var http = server.Http();

        await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "capi-controller" } }, "default", cancellationToken: TestContext.Token);
        var accounts = await client.CoreV1.ListNamespacedServiceAccountAsync("default", cancellationToken: TestContext.Token);
        var (_, discovery, _) = await http.GetJsonAsync("/api/v1");

        Assert.Equal("capi-controller", accounts.Items.Single().Metadata.Name);
        var resources = discovery["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal("sa", (string?)resources.Single(r => (string?)r["name"] == "serviceaccounts")["shortNames"]![0]);
        Assert.Equal("cm", (string?)resources.Single(r => (string?)r["name"] == "configmaps")["shortNames"]![0]);
        Assert.Contains(resources, r => (string?)r["name"] == "secrets" && (string?)r["kind"] == "Secret");
    }

    [KubectlFact]
    public async Task Kubectl_applies_and_reads_a_ConfigMap()
    {
        await using var server = await KubeApiServer.StartAsync(cancellationToken: TestContext.Token);
        using var kubectl = new Support.Kubectl(server);

        var (applyExit, _, applyErr) = await kubectl.RunAsync("apply -f -", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n");
        var (getExit, output, getErr) = await kubectl.RunAsync("get cm settings -o jsonpath={.data.mode}");

        Assert.True(applyExit == 0, applyErr);
        Assert.True(getExit == 0, getErr);
        Assert.Equal("fast", output);
    }
}
