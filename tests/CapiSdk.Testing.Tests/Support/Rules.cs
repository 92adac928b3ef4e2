using System.Text.Json.Nodes;
using k8s;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>Rule objects (Fixtures/rules.example.com.yaml: CEL rules, list types, a root requiring metadata) and calls for them.</summary>
internal static class Rules
{
    public static Task<KubeApiServer> StartAsync() =>
        KubeApiServer.StartAsync(new KubeApiServerOptions { CrdFiles = { TestServer.Fixture("rules.example.com.yaml") } }, TestContext.Token);

    public static JsonObject New(string name, string spec) =>
        JsonNode.Parse($$"""{"apiVersion":"example.com/v1","kind":"Rule","metadata":{"name":"{{name}}"},"spec":{{spec}}}""")!.AsObject();

    public static Task<JsonObject> CreateRuleAsync(this IKubernetes client, JsonObject rule) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(rule, "example.com", "v1", "default", "rules", cancellationToken: TestContext.Token);

    public static Task<JsonObject> ReplaceRuleAsync(this IKubernetes client, JsonObject rule) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(rule, "example.com", "v1", "default", "rules", (string)rule["metadata"]!["name"]!, cancellationToken: TestContext.Token);

    /// <summary>Merge-patches spec of the rule and returns the stored object.</summary>
    public static Task<JsonObject> PatchSpecAsync(this IKubernetes client, string name, string spec) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new k8s.Models.V1Patch($$"""{"spec":{{spec}}}""", k8s.Models.V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "rules", name, cancellationToken: TestContext.Token);

    public static string Causes(ApiStatus status) =>
        string.Join(" | ", status.Details!["causes"]!.AsArray().Select(c => $"{(string?)c!["field"]}: {(string?)c["message"]}"));
}
