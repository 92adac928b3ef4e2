using System.Globalization;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Conversion;
using CapiSdk.Testing.Lifecycle;
using CapiSdk.Testing.Patching;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>
/// The <c>/scale</c> subresource of custom resources, as apiextensions-apiserver registry/customresource/etcd.go
/// ScaleREST serves it: an autoscaling/v1 Scale read from specReplicasPath, statusReplicasPath and
/// labelSelectorPath; PUT and PATCH write only spec replicas back (a resourceVersion in the Scale is a precondition).
/// </summary>
internal static class ScaleResponder
{
    public static async Task ServeAsync(HttpContext ctx, ResourceRequest r, string verb, ObjectStore store, ObjectWriter writer, WriteOptions options, CancellationToken ct)
    {
        var t = r.Type;
        var scale = r.Version.Scale!;
        var ns = r.Namespace ?? "";
        var name = r.Name!;
        JsonObject Current() => ToScale(VersionConverter.ToVersion(t, (store.Get(t.Key, ns, name) ?? throw ApiException.NotFound(t, name)).ToNode(), r.Version), scale);
        JsonObject desired;
        switch (verb)
        {
            case "get":
                await WriteAsync(ctx, Current(), ct).ConfigureAwait(false);
                return;
            case "update":
                desired = await BodyReader.ReadObjectAsync(ctx.Request, ct).ConfigureAwait(false);
                break;
            case "patch":
                var text = await BodyReader.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false);
                desired = Patched(Current(), ctx.Request.ContentType, text);
                break;
            default:
                throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
        var replicas = Replicas(name, desired);
        var patch = new JsonObject();
        SetPath(patch, scale.SpecReplicasPath, JsonValue.Create(replicas));
        if ((string?)desired["metadata"]?["resourceVersion"] is { Length: > 0 } rv)
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = rv };
        }
        var result = writer.Patch(t, r.Version, ns, name, null, PatchKind.Merge, patch.ToJsonString(), options);
        await WriteAsync(ctx, ToScale(result.Object, scale), ct).ConfigureAwait(false);
    }

    /// <summary>scaleFromCustomResource: missing replicas read as 0; the selector is the string at labelSelectorPath.</summary>
    public static JsonObject ToScale(JsonObject cr, ScaleSubresource scale)
    {
        var meta = cr["metadata"] as JsonObject ?? [];
        var scaleMeta = new JsonObject();
        foreach (var key in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta[key] is { } value)
            {
                scaleMeta[key] = value.DeepClone();
            }
        }
        var status = new JsonObject { ["replicas"] = Int(cr, scale.StatusReplicasPath) };
        if (scale.LabelSelectorPath is { Length: > 0 } selectorPath && JsonPath.Evaluate(cr, selectorPath).FirstOrDefault() is JsonValue selector && selector.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            status["selector"] = (string?)selector;
        }
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = new JsonObject { ["replicas"] = Int(cr, scale.SpecReplicasPath) },
            ["status"] = status,
        };
    }

    private static JsonObject Patched(JsonObject current, string? contentType, string text)
    {
        try
        {
            var patch = JsonNode.Parse(text);
            var mediaType = (contentType ?? "").Split(';')[0].Trim();
            return mediaType switch
            {
                "application/json-patch+json" => JsonPatch.Apply(current, patch as JsonArray ?? throw ApiException.BadRequest("json patch must be an array")).AsObject(),
                "application/merge-patch+json" or "application/strategic-merge-patch+json" => JsonMergePatch.Apply(current, patch) as JsonObject ?? throw ApiException.BadRequest("merge patch must be an object"),
                _ => throw ApiException.UnsupportedPatchType(),
            };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or PatchException)
        {
            throw ApiException.BadRequest($"the server rejected our request due to an error in our request: {e.Message}");
        }
    }

    /// <summary>validation.ValidateScale: spec.replicas is a non-negative integer.</summary>
    private static long Replicas(string name, JsonObject desired)
    {
        var node = desired["spec"]?["replicas"];
        if (node is null)
        {
            return 0;
        }
        if (node is JsonValue v && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var replicas) && replicas >= 0)
        {
            return replicas;
        }
        var message = $"Invalid value: {node.ToJsonString()}: must be greater than or equal to 0";
        throw new ApiException(422, "Invalid", $"Scale.autoscaling \"{name}\" is invalid: spec.replicas: {message}", new JsonObject
        {
            ["name"] = name,
            ["group"] = "autoscaling",
            ["kind"] = "Scale",
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = message, ["field"] = "spec.replicas" }),
        });
    }

    private static long Int(JsonObject cr, string path) =>
        JsonPath.Evaluate(cr, path).FirstOrDefault() is JsonValue v && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static void SetPath(JsonObject root, string path, JsonNode value)
    {
        var parts = path.TrimStart('.').Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            var child = new JsonObject();
            node[part] = child;
            node = child;
        }
        node[parts[^1]] = value;
    }

    private static async Task WriteAsync(HttpContext ctx, JsonObject scale, CancellationToken ct)
    {
        var bytes = JsonBytes.Of(scale);
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }
}
