using System.Net;
using System.Text.Json.Nodes;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Runtime.Tests.Support2;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>The server answers what Cluster API posts, over HTTPS, with the bodies Cluster API decodes.</summary>
public sealed class RuntimeExtensionServerTests
{
    private static async Task<(RuntimeExtensionServer Server, HookClient Client)> StartAsync(RuntimeExtensionServer server, CancellationToken ct)
    {
        await server.StartAsync(ct);
        return (server, new HookClient(server.Address!, server.CaBundlePem!));
    }

    [Fact]
    public async Task Discovery_lists_every_handler_with_its_hook_timeout_and_failure_policy()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New()
            .Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (_, _) => Task.FromResult(new BeforeClusterCreateResponse()), timeoutSeconds: 5, failurePolicy: FailurePolicy.Fail)
            .Handle(RuntimeHooks.BeforeClusterDelete, "release-vip", (_, _) => Task.FromResult(new BeforeClusterDeleteResponse()), failurePolicy: FailurePolicy.Ignore)
            .Handle(RuntimeHooks.AfterControlPlaneInitialized, "announce", (_, _) => Task.FromResult(new AfterControlPlaneInitializedResponse()));
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.DiscoveryPath, HookClient.Request("discovery.json"), ct);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        var expected = JsonNode.Parse("""
            {"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","kind":"DiscoveryResponse","status":"Success","handlers":[
              {"name":"claim-vip","requestHook":{"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","hook":"BeforeClusterCreate"},"timeoutSeconds":5,"failurePolicy":"Fail"},
              {"name":"release-vip","requestHook":{"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","hook":"BeforeClusterDelete"},"failurePolicy":"Ignore"},
              {"name":"announce","requestHook":{"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","hook":"AfterControlPlaneInitialized"}}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, answer.Json), answer.Text);
    }

    [Fact]
    public async Task BeforeClusterCreate_handler_reads_the_cluster_and_settings_and_its_retry_is_written_as_Cluster_API_decodes_it()
    {
        var ct = TestTimeout.Token();
        BeforeClusterCreateRequest? seen = null;
        await using var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (request, _) =>
        {
            seen = request;
            return Task.FromResult(new BeforeClusterCreateResponse { RetryAfterSeconds = 15, Message = "waiting for a VIP from pool mgmt-vips" });
        });
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.BeforeClusterCreate.PathFor("claim-vip"), HookClient.Request("before-cluster-create-v1beta1.json"), ct);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var expected = JsonNode.Parse("""
            {"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","kind":"BeforeClusterCreateResponse","status":"Success","message":"waiting for a VIP from pool mgmt-vips","retryAfterSeconds":15}
            """);
        Assert.True(JsonNode.DeepEquals(expected, answer.Json), answer.Text);
        Assert.NotNull(seen);
        Assert.Equal("BeforeClusterCreateRequest", seen.Kind);
        Assert.Equal(("team-a", "prod"), (seen.ClusterNamespace, seen.ClusterName));
        Assert.Equal("quick-start", seen.Cluster!["spec"]!["topology"]!["class"]!.GetValue<string>());
        Assert.Equal("mgmt-vips", seen.Settings!["vipPool"]);
    }

    [Fact]
    public async Task A_request_with_fields_this_SDK_does_not_know_is_served_and_keeps_them()
    {
        var ct = TestTimeout.Token();
        BeforeClusterCreateRequest? seen = null;
        await using var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (request, _) =>
        {
            seen = request;
            return Task.FromResult(new BeforeClusterCreateResponse());
        });
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.BeforeClusterCreate.PathFor("claim-vip"), HookClient.Request("before-cluster-create-v1beta2.json"), ct);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, answer.Json!["retryAfterSeconds"]!.GetValue<int>()); // required in Cluster API's type: always written
        Assert.False(answer.Json.AsObject().ContainsKey("message"));
        Assert.Equal(("team-b", "edge-7"), (seen!.ClusterNamespace, seen.ClusterName));
        Assert.Equal("cluster.x-k8s.io/v1beta2", seen.Cluster!["apiVersion"]!.GetValue<string>());
        Assert.Equal("a newer Cluster API", seen.ExtensionData!["futureField"].GetProperty("addedBy").GetString());
        Assert.Null(seen.Settings);
    }

    [Fact]
    public async Task BeforeClusterUpgrade_reads_the_versions_and_upgrade_steps()
    {
        var ct = TestTimeout.Token();
        BeforeClusterUpgradeRequest? seen = null;
        await using var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterUpgrade, "hold-upgrade", (request, _) =>
        {
            seen = request;
            return Task.FromResult(new BeforeClusterUpgradeResponse { RetryAfterSeconds = 30 });
        });
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.BeforeClusterUpgrade.PathFor("hold-upgrade"), HookClient.Request("before-cluster-upgrade.json"), ct);

        Assert.Equal("BeforeClusterUpgradeResponse", answer.Json!["kind"]!.GetValue<string>());
        Assert.Equal(30, answer.Json["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(("v1.33.0", "v1.35.0"), (seen!.FromKubernetesVersion, seen.ToKubernetesVersion));
        Assert.Equal(["v1.34.2", "v1.35.0"], seen.ControlPlaneUpgrades!.Select(s => s.Version));
        Assert.Equal(["v1.35.0"], seen.WorkersUpgrades!.Select(s => s.Version));
    }

    [Fact]
    public async Task Non_blocking_and_delete_hooks_answer_their_own_kinds()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New()
            .Handle(RuntimeHooks.AfterControlPlaneInitialized, "announce", (request, _) =>
                Task.FromResult(new AfterControlPlaneInitializedResponse { Message = "endpoint " + request.Cluster!["spec"]!["controlPlaneEndpoint"]!["host"] }))
            .Handle(RuntimeHooks.BeforeClusterDelete, "release-vip", (request, _) =>
                Task.FromResult(new BeforeClusterDeleteResponse { Message = "released for " + request.ClusterName }));
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var initialized = await client.PostAsync(RuntimeHooks.AfterControlPlaneInitialized.PathFor("announce"), HookClient.Request("after-control-plane-initialized.json"), ct);
        var deleted = await client.PostAsync(RuntimeHooks.BeforeClusterDelete.PathFor("release-vip"), HookClient.Request("before-cluster-delete.json"), ct);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","kind":"AfterControlPlaneInitializedResponse","status":"Success","message":"endpoint 10.0.0.42"}"""),
            initialized.Json), initialized.Text);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"apiVersion":"hooks.runtime.cluster.x-k8s.io/v1alpha1","kind":"BeforeClusterDeleteResponse","status":"Success","message":"released for prod","retryAfterSeconds":0}"""),
            deleted.Json), deleted.Text);
    }

    [Fact]
    public async Task A_handler_that_throws_answers_200_with_a_Failure_carrying_its_message()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (_, _) =>
            Task.FromException<BeforeClusterCreateResponse>(new InvalidOperationException("pool mgmt-vips is exhausted")));
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.BeforeClusterCreate.PathFor("claim-vip"), HookClient.Request("before-cluster-create-v1beta1.json"), ct);

        // 200 + Failure: Cluster API fails the step whatever the failure policy (a non-200 would be ignored under Ignore).
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Failure", answer.Json!["status"]!.GetValue<string>());
        Assert.Equal("BeforeClusterCreateResponse", answer.Json["kind"]!.GetValue<string>());
        Assert.Equal("handler claim-vip of hook BeforeClusterCreate failed: pool mgmt-vips is exhausted", answer.Json["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"kind\":\"BeforeClusterCreateRequest\",", "the body is not a valid BeforeClusterCreateRequest")]
    [InlineData("[]", "the body is not a valid BeforeClusterCreateRequest")]
    [InlineData("null", "the body must be a BeforeClusterCreateRequest object, not null")]
    [InlineData("{\"kind\":\"BeforeClusterDeleteRequest\",\"cluster\":{}}", "kind is BeforeClusterDeleteRequest, but /hooks.runtime.cluster.x-k8s.io/v1alpha1/beforeclustercreate/claim-vip serves BeforeClusterCreateRequest")]
    [InlineData("{\"apiVersion\":\"hooks.runtime.cluster.x-k8s.io/v1alpha2\",\"cluster\":{}}", "apiVersion is hooks.runtime.cluster.x-k8s.io/v1alpha2, but this extension serves hooks.runtime.cluster.x-k8s.io/v1alpha1")]
    [InlineData("{\"kind\":\"BeforeClusterCreateRequest\"}", "cluster is required in a BeforeClusterCreateRequest")]
    public async Task A_body_that_is_not_the_hooks_request_answers_400_with_a_Failure_naming_the_problem(string body, string reason)
    {
        var ct = TestTimeout.Token();
        var called = false;
        await using var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (_, _) =>
        {
            called = true;
            return Task.FromResult(new BeforeClusterCreateResponse());
        });
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.BeforeClusterCreate.PathFor("claim-vip"), body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Failure", answer.Json!["status"]!.GetValue<string>());
        Assert.StartsWith(reason, answer.Json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(called);
    }

    [Fact]
    public async Task An_unknown_hook_or_handler_answers_404_naming_what_is_served()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (_, _) => Task.FromResult(new BeforeClusterCreateResponse()));
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var otherHandler = await client.PostAsync(RuntimeHooks.BeforeClusterCreate.PathFor("other"), HookClient.Request("before-cluster-create-v1beta1.json"), ct);
        var otherHook = await client.PostAsync(RuntimeHooks.BeforeClusterDelete.PathFor("claim-vip"), HookClient.Request("before-cluster-delete.json"), ct);

        foreach (var answer in new[] { otherHandler, otherHook })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Contains("/hooks.runtime.cluster.x-k8s.io/v1alpha1/beforeclustercreate/claim-vip", answer.Text, StringComparison.Ordinal);
            Assert.Contains(RuntimeHooks.DiscoveryPath, answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_POST_is_answered()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New();
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;
        using var request = new HttpRequestMessage(HttpMethod.Get, RuntimeHooks.DiscoveryPath);

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Calls_are_served_over_HTTP2_as_Go_clients_negotiate_it()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New();
        var (_, client) = await StartAsync(server, ct);
        using var _ = client;

        var answer = await client.PostAsync(RuntimeHooks.DiscoveryPath, HookClient.Request("discovery.json"), ct);

        Assert.Equal(HttpVersion.Version20, answer.HttpVersion);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("Claim-VIP", "not a DNS-1123 label")]
    [InlineData("claim_vip", "not a DNS-1123 label")]
    [InlineData("-claim", "not a DNS-1123 label")]
    [InlineData("taken", "already registered (for hook BeforeClusterCreate)")]
    public void Handle_refuses_names_Cluster_API_would_reject(string name, string message)
    {
        var server = SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "taken", (_, _) => Task.FromResult(new BeforeClusterCreateResponse()));

        var error = Assert.Throws<ArgumentException>(() =>
            server.Handle(RuntimeHooks.BeforeClusterDelete, name, (_, _) => Task.FromResult(new BeforeClusterDeleteResponse())));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_refuses_a_timeout_over_30_seconds()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SelfSignedServer.New().Handle(RuntimeHooks.BeforeClusterCreate, "claim-vip", (_, _) => Task.FromResult(new BeforeClusterCreateResponse()), timeoutSeconds: 31));

        Assert.Contains("between 0 and 30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handlers_cannot_be_added_once_started_and_readiness_follows_start_and_stop()
    {
        var ct = TestTimeout.Token();
        await using var server = SelfSignedServer.New();
        Assert.False(server.IsReady);
        await server.StartAsync(ct);
        Assert.True(server.IsReady);

        Assert.Throws<InvalidOperationException>(() =>
            server.Handle(RuntimeHooks.BeforeClusterCreate, "late", (_, _) => Task.FromResult(new BeforeClusterCreateResponse())));

        await server.StopAsync(ct);
        Assert.False(server.IsReady);
    }

    [Fact]
    public async Task A_port_in_use_fails_the_start_and_leaves_the_server_not_ready()
    {
        var ct = TestTimeout.Token();
        await using var first = SelfSignedServer.New();
        await first.StartAsync(ct);
        await using var second = new RuntimeExtensionServer(new RuntimeExtensionOptions { Host = "127.0.0.1", Port = first.Address!.Port, SelfSigned = true });

        await Assert.ThrowsAnyAsync<IOException>(() => second.StartAsync(ct));

        Assert.False(second.IsReady);
        Assert.Null(second.Address);
    }
}
