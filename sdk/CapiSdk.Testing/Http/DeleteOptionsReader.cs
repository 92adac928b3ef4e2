using System.Text.Json.Nodes;
using CapiSdk.Testing.Lifecycle;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>
/// Reads metav1.DeleteOptions as the real handler does: from the body when there is one (the query is then
/// ignored), otherwise from the query parameters.
/// </summary>
internal static class DeleteOptionsReader
{
    public static async Task<DeleteRequest> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        var text = await BodyReader.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            var q = ctx.Request.Query;
            var policy = (string?)q["propagationPolicy"];
            if (policy is null && (string?)q["orphanDependents"] is { } orphan)
            {
                policy = orphan is "true" or "1" ? "Orphan" : "Background";
            }
            return new DeleteRequest(policy, null, null, DryRunValues.Parse(q["dryRun"].Where(v => v is not null).Select(v => v!).ToList()));
        }
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw ApiException.BadRequest("decoded object cannot be converted to DeleteOptions");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiException.BadRequest($"error decoding DeleteOptions: {e.Message}");
        }
        var bodyPolicy = (string?)body["propagationPolicy"];
        if (bodyPolicy is null && body["orphanDependents"]?.GetValue<bool>() is { } orphanDependents)
        {
            bodyPolicy = orphanDependents ? "Orphan" : "Background";
        }
        var dryRun = body["dryRun"] is JsonArray values ? values.Select(v => (string?)v ?? "").ToList() : [];
        return new DeleteRequest(
            bodyPolicy,
            (string?)body["preconditions"]?["uid"],
            (string?)body["preconditions"]?["resourceVersion"],
            DryRunValues.Parse(dryRun));
    }
}
