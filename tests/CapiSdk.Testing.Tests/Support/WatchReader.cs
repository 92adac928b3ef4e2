using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>Reads a watch stream one newline-delimited event at a time.</summary>
internal sealed class WatchReader(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public HttpResponseMessage Response { get; } = response;

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<(string Type, JsonObject Object)?> NextAsync()
    {
        var line = await reader.ReadLineAsync(TestContext.Token);
        if (line is null)
        {
            return null;
        }
        var e = JsonNode.Parse(line)!.AsObject();
        return ((string)e["type"]!, e["object"]!.AsObject());
    }

    public void Dispose()
    {
        reader.Dispose();
        Response.Dispose();
    }
}
