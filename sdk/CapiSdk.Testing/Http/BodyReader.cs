using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>Reads request bodies in JSON or YAML, answering 400/415 like the real server.</summary>
internal static class BodyReader
{
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = (request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (mediaType == ProtobufBody.MediaType)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return ProtobufBody.Decode(buffer.ToArray());
        }
        var text = await ReadTextAsync(request, ct).ConfigureAwait(false);
        try
        {
            var node = mediaType switch
            {
                "application/json" or "" => JsonNode.Parse(text),
                "application/yaml" or "application/x-yaml" or "text/yaml" => YamlJson.ReadDocuments(text).FirstOrDefault(),
                _ => throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml"),
            };
            return node as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiException.BadRequest($"the object provided is unrecognized: couldn't get version/kind; json parse error: {e.Message}");
        }
    }
}
