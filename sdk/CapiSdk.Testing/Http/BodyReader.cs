using System.Text.Json.Nodes;
using System.Text.Unicode;
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
        var bytes = await ReadBytesAsync(request, ct).ConfigureAwait(false);
        try
        {
            var node = mediaType switch
            {
                // UTF-8 without a byte order mark (what clients send) is parsed as it came; anything else is decoded
                // as StreamReader decodes it (BOM detection, invalid bytes replaced), as before.
                "application/json" or "" => Utf8.IsValid(bytes) && !HasByteOrderMark(bytes) ? JsonNode.Parse(bytes) : JsonNode.Parse(Decode(bytes)),
                "application/yaml" or "application/x-yaml" or "text/yaml" => YamlJson.ReadDocuments(Decode(bytes)).FirstOrDefault(),
                _ => throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml"),
            };
            return node as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiException.BadRequest($"the object provided is unrecognized: couldn't get version/kind; json parse error: {e.Message}");
        }
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, ct).ConfigureAwait(false);
            return exact;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static bool HasByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        return reader.ReadToEnd();
    }
}
