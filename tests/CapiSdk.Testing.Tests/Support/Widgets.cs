using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>Widget objects and calls through KubernetesClient's CustomObjects API.</summary>
internal static class Widgets
{
    public const string Group = "example.com";
    public const string Version = "v1";
    public const string Plural = "widgets";
    public const string Ns = "default";

    public static JsonObject New(string name, string color = "red", int? replicas = null, JsonObject? labels = null)
    {
        var spec = new JsonObject { ["color"] = color };
        if (replicas is { } r)
        {
            spec["replicas"] = r;
        }
        var meta = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            meta["labels"] = labels;
        }
        return new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Widget", ["metadata"] = meta, ["spec"] = spec };
    }

    public static Task<JsonObject> CreateAsync(this IKubernetes client, JsonObject widget, string ns = Ns) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(widget, Group, Version, ns, Plural, cancellationToken: TestContext.Token);

    public static Task<JsonObject> GetWidgetAsync(this IKubernetes client, string name, string ns = Ns) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(Group, Version, ns, Plural, name, TestContext.Token);

    public static Task<JsonObject> ReplaceAsync(this IKubernetes client, JsonObject widget, string ns = Ns) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(widget, Group, Version, ns, Plural, (string)widget["metadata"]!["name"]!, cancellationToken: TestContext.Token);

    public static Task<JsonObject> PatchAsync(this IKubernetes client, string name, string patch, V1Patch.PatchType type, string? fieldManager = null, bool? force = null, string ns = Ns) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new V1Patch(patch, type), Group, Version, ns, Plural, name, fieldManager: fieldManager, force: force, cancellationToken: TestContext.Token);

    public static Task<JsonObject> DeleteWidgetAsync(this IKubernetes client, string name, V1DeleteOptions? options = null, string ns = Ns) =>
        client.CustomObjects.DeleteNamespacedCustomObjectAsync<JsonObject>(Group, Version, ns, Plural, name, body: options, cancellationToken: TestContext.Token);

    public static Task<JsonObject> ListWidgetsAsync(this IKubernetes client, string? labelSelector = null, string? fieldSelector = null, int? limit = null, string? continueToken = null, string ns = Ns) =>
        client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(Group, Version, ns, Plural, labelSelector: labelSelector, fieldSelector: fieldSelector, limit: limit, continueParameter: continueToken, cancellationToken: TestContext.Token);

    public static List<string> Names(JsonObject list) =>
        list["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToList();

    public static string Rv(JsonObject o) => (string)o["metadata"]!["resourceVersion"]!;

    /// <summary>Runs a call that must fail and returns the metav1 Status the server answered with.</summary>
    public static async Task<ApiStatus> FailsAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(call);
        var status = JsonNode.Parse(e.Response.Content)!.AsObject();
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal((int)e.Response.StatusCode, (int)status["code"]!);
        return new ApiStatus((int)status["code"]!, (string?)status["reason"] ?? "", (string?)status["message"] ?? "", status["details"] as JsonObject);
    }

    public static JsonElement Json(object o) => JsonSerializer.SerializeToElement(o);
}
